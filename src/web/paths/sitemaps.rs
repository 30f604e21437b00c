//! The sitemap's files: `/sitemap.xml` is an index of them (the sitemap
//! protocol's limits, https://www.sitemaps.org/protocol.html, are 50,000
//! addresses and 50 MB a file), one for the pages that are not
//! signatories' and as many as needed for the signatories'.

/// The route of every file the index lists.
pub const SITEMAP_FILE_ROUTE: &str = "/sitemaps/{file}";

/// One file of the sitemap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SitemapFile {
    /// The fixed pages, the join form, news, events, newsletter issues.
    Pages,
    /// The signatories' pages, numbered from 1.
    Signatories(u32),
}

impl SitemapFile {
    /// The file's address.
    pub fn path(self) -> String {
        match self {
            SitemapFile::Pages => "/sitemaps/pages.xml".to_owned(),
            SitemapFile::Signatories(n) => format!("/sitemaps/signatories-{n}.xml"),
        }
    }

    /// The file a name under `/sitemaps/` names, written as [`path`](Self::path)
    /// writes it (no leading zero, no number 0), or `None`.
    pub fn from_name(name: &str) -> Option<SitemapFile> {
        if name == "pages.xml" {
            return Some(SitemapFile::Pages);
        }
        let digits = name.strip_prefix("signatories-")?.strip_suffix(".xml")?;
        if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(SitemapFile::Signatories)
    }

    /// The file at a path, or `None`.
    pub fn from_path(path: &str) -> Option<SitemapFile> {
        path.strip_prefix("/sitemaps/").and_then(SitemapFile::from_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_nothing_else_does() {
        for file in [SitemapFile::Pages, SitemapFile::Signatories(1), SitemapFile::Signatories(u32::MAX)] {
            assert_eq!(SitemapFile::from_path(&file.path()), Some(file));
        }
        let bad = [
            "/sitemaps/",
            "/sitemaps/pages",
            "/sitemaps/signatories-0.xml",
            "/sitemaps/signatories-01.xml",
            "/sitemaps/signatories-.xml",
            "/sitemaps/signatories-+1.xml",
            "/sitemaps/signatories-1.xml/x",
            "/sitemaps/signatories-4294967296.xml",
            "/sitemaps/signatories--1.xml",
            "/sitemaps/a/pages.xml",
            "/sitemap/pages.xml",
        ];
        for path in bad {
            assert_eq!(SitemapFile::from_path(path), None, "{path}");
        }
    }
}

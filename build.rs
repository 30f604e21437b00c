// The migrations are embedded in the binary (`sqlx::migrate!`): a new or
// changed one must rebuild it, as a change to the source does.
//
// The static files are compressed here, once, with brotli and gzip at their
// best (which takes a while: done at each start, it was most of the
// start-up), and the binary embeds each file in its three encodings
// (`web::assets`). A compression that fails fails the build.
use std::{io::Write, path::Path};

const STATIC_FILES: &[&str] = &["style.css", "favicon.svg"];

fn main() -> std::io::Result<()> {
    println!("cargo:rerun-if-changed=migrations");
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| std::io::Error::other("OUT_DIR is not set"))?;
    for name in STATIC_FILES {
        let source = Path::new("static").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let bytes = std::fs::read(&source)?;
        std::fs::write(Path::new(&out).join(format!("{name}.br")), brotli_into(Vec::new(), &bytes)?)?;
        std::fs::write(Path::new(&out).join(format!("{name}.gz")), gzip_into(Vec::new(), &bytes)?)?;
    }
    Ok(())
}

/// Brotli at its best quality, written into `out`.
fn brotli_into<W: Write>(out: W, bytes: &[u8]) -> std::io::Result<W> {
    let mut writer = brotli::CompressorWriter::new(out, 4096, 11, 22);
    writer.write_all(bytes)?;
    writer.flush()?;
    Ok(writer.into_inner())
}

/// Gzip at its best level, written into `out`.
fn gzip_into<W: Write>(out: W, bytes: &[u8]) -> std::io::Result<W> {
    let mut encoder = flate2::write::GzEncoder::new(out, flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

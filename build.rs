// The migrations are embedded in the binary (`sqlx::migrate!`): a new or
// changed one must rebuild it, as a change to the source does.
//
// The static files are compressed here, once, with brotli and gzip at their
// best (which takes a while: done at each start, it was most of the
// start-up), and the binary embeds the files it serves in their three
// encodings (`web::assets`, which lists them with their types). Every file
// of `static/` is compressed, so that the list is kept in one place. A
// compression that fails fails the build.
use std::{io::Write, path::Path};

fn main() -> std::io::Result<()> {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=static");
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| std::io::Error::other("OUT_DIR is not set"))?;
    for entry in std::fs::read_dir("static")? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let bytes = std::fs::read(entry.path())?;
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

//! Lower-case hexadecimal, the one encoder for hashes, tokens and keys.

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// A byte's two digits.
fn digits(byte: u8) -> [u8; 2] {
    [DIGITS[usize::from(byte >> 4)], DIGITS[usize::from(byte & 0x0f)]]
}

/// The bytes as lower-case hexadecimal, two digits a byte.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.extend(digits(byte).map(char::from));
    }
    out
}

/// The `N` bytes as lower-case hexadecimal, in place: for a value made
/// often (a request's id) without a string made and dropped each time.
pub fn encode_array<const N: usize, const DOUBLE: usize>(bytes: &[u8; N]) -> [u8; DOUBLE] {
    const { assert!(DOUBLE == 2 * N, "two digits a byte") };
    let mut out = [0u8; DOUBLE];
    for (pair, &byte) in out.chunks_exact_mut(2).zip(bytes) {
        pair.copy_from_slice(&digits(byte));
    }
    out
}

/// Whether a text is `len` lower- or upper-case hexadecimal digits.
pub fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_every_byte_on_two_digits() {
        assert_eq!(encode(&[]), "");
        assert_eq!(encode(&[0, 1, 0x0f, 0x10, 0xab, 0xff]), "00010f10abff");
        assert_eq!(&encode_array(&[0, 1, 0x0f, 0x10, 0xab, 0xff]), b"00010f10abff");
    }

    #[test]
    fn recognises_hex_of_a_length() {
        assert!(is_hex("00ff", 4));
        assert!(!is_hex("00ff", 3));
        assert!(!is_hex("00fg", 4));
    }
}

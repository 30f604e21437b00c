//! Infrastructure: outgoing mail, the clock, randomness, password hashing.

pub mod clock;
pub mod mail;
pub mod password;
pub mod random;

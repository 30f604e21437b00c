//! Infrastructure: outgoing mail, the clock, randomness.

pub mod clock;
pub mod mail;
pub mod random;

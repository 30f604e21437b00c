//! What a staff account is made of: its role, and the password policy.

use std::fmt;

/// What a person may do in the back office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Content and subscribers.
    Editor,
    /// The same, plus accounts and the audit log.
    Admin,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Admin, Role::Editor];

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "admin" => Some(Role::Admin),
            "editor" => Some(Role::Editor),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
        }
    }

    /// The Fluent message that names the role.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Admin => "admin-role-admin",
            Role::Editor => "admin-role-editor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The shortest and longest passwords accepted, in characters.
pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// A password that passed the policy: 12 to 128 characters, and hard to
/// guess (zxcvbn's score of 3 or more, knowing the person's address and
/// the site's name). The text is never shown, not even by `Debug`.
pub struct Password(String);

/// Why a password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("too short: at least 12 characters")]
    TooShort,
    #[error("too long: at most 128 characters")]
    TooLong,
    #[error("too easy to guess: it is a common password or close to one")]
    Common,
    #[error("too easy to guess: it is made of your address or the site's name")]
    Personal,
    #[error("too easy to guess: repeats, sequences or rows of keys")]
    Pattern,
    #[error("too easy to guess: a word, a name or a date alone")]
    Word,
    #[error("too easy to guess: add more words or characters")]
    Weak,
}

impl PasswordError {
    /// The Fluent message that explains the refusal.
    pub fn message_id(self) -> &'static str {
        match self {
            PasswordError::TooShort => "admin-password-too-short",
            PasswordError::TooLong => "admin-password-too-long",
            PasswordError::Common => "admin-password-common",
            PasswordError::Personal => "admin-password-personal",
            PasswordError::Pattern => "admin-password-pattern",
            PasswordError::Word => "admin-password-word",
            PasswordError::Weak => "admin-password-weak",
        }
    }
}

/// What a password is checked against besides the dictionaries: the
/// site's names.
const SITE_WORDS: [&str; 4] = ["oneinfive", "one in five", "unsurcinq", "un sur cinq"];

impl Password {
    /// Checks a new password for the account of `email`.
    pub fn new(text: &str, email: &str) -> Result<Password, PasswordError> {
        let length = text.chars().count();
        if length < PASSWORD_MIN {
            return Err(PasswordError::TooShort);
        }
        if length > PASSWORD_MAX {
            return Err(PasswordError::TooLong);
        }
        let local = email.split('@').next().unwrap_or(email);
        let mut inputs: Vec<&str> = vec![email, local];
        inputs.extend(SITE_WORDS);
        let estimate = zxcvbn::zxcvbn(text, &inputs);
        if estimate.score() >= zxcvbn::Score::Three {
            return Ok(Password(text.to_owned()));
        }
        let lowered = text.to_lowercase();
        let personal = [email, local].into_iter().chain(SITE_WORDS).any(|word| {
            let squeezed: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            squeezed.len() >= 4
                && lowered.chars().filter(|c| c.is_alphanumeric()).collect::<String>().contains(&squeezed)
        });
        if personal {
            return Err(PasswordError::Personal);
        }
        use zxcvbn::feedback::Warning;
        Err(match estimate.feedback().and_then(zxcvbn::feedback::Feedback::warning) {
            Some(Warning::ThisIsATop10Password | Warning::ThisIsATop100Password | Warning::ThisIsACommonPassword)
            | Some(Warning::ThisIsSimilarToACommonlyUsedPassword) => PasswordError::Common,
            Some(
                Warning::StraightRowsOfKeysAreEasyToGuess
                | Warning::ShortKeyboardPatternsAreEasyToGuess
                | Warning::RepeatsLikeAaaAreEasyToGuess
                | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess
                | Warning::SequencesLikeAbcAreEasyToGuess,
            ) => PasswordError::Pattern,
            Some(
                Warning::AWordByItselfIsEasyToGuess
                | Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
                | Warning::CommonNamesAndSurnamesAreEasyToGuess
                | Warning::RecentYearsAreEasyToGuess
                | Warning::DatesAreOftenEasyToGuess,
            ) => PasswordError::Word,
            _ => PasswordError::Weak,
        })
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_and_print() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("Admin"), None);
    }

    #[test]
    fn the_policy_says_why() {
        let email = "marie.dupont@example.org";
        assert_eq!(Password::new("short", email).err(), Some(PasswordError::TooShort));
        assert_eq!(Password::new(&"x".repeat(129), email).err(), Some(PasswordError::TooLong));
        assert_eq!(Password::new("passwordpassword", email).err().map(|e| e != PasswordError::TooShort), Some(true));
        assert_eq!(Password::new("aaaaaaaaaaaaaaaa", email).err(), Some(PasswordError::Pattern));
        assert_eq!(Password::new("marie.dupont2026", email).err(), Some(PasswordError::Personal));
        assert_eq!(Password::new("OneInFive2026", email).err(), Some(PasswordError::Personal));
        // Twelve characters count as twelve, accents included.
        assert!(Password::new("élan vital grenouille bleue", email).is_ok());
        assert!(Password::new("correct horse battery staple", email).is_ok());
        assert_eq!(format!("{:?}", Password::new("correct horse battery staple", email)), "Ok(Password(…))");
    }
}

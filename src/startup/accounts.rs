//! The `admin` commands: the back office's staff accounts at the command
//! line. A password is read twice from standard input, never from the
//! command line or the environment; every refusal is one line on standard
//! error with a non-zero exit, and writes nothing.

use std::{
    io::{BufRead, IsTerminal},
    process::ExitCode,
};

use crate::{
    domain::{EmailAddress, Password, Role},
    infra::{clock::Clock, password},
    startup::{
        config::{AdminCommand, LangArg, RoleArg, TwoStepCommand},
        database::open,
    },
    store::Actor,
    text::i18n::Lang,
};

/// A refusal: its one line is printed, and the command exits non-zero.
struct Refusal(String);

impl From<Refusal> for ExitCode {
    fn from(Refusal(message): Refusal) -> ExitCode {
        eprintln!("{message}");
        ExitCode::FAILURE
    }
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Admin => Role::Admin,
            RoleArg::Editor => Role::Editor,
        }
    }
}

/// Runs an `admin` command.
pub async fn run(url: Option<String>, command: AdminCommand) -> anyhow::Result<ExitCode> {
    let outcome = match command {
        AdminCommand::Create { email, role, lang } => create(url, &email, role.into(), lang.map(Into::into)).await?,
        AdminCommand::Passwd { email } => passwd(url, &email).await?,
        AdminCommand::Role { email, role } => change_role(url, &email, role.into()).await?,
        AdminCommand::List => list(url).await?,
        AdminCommand::Disable { email } => disable(url, &email).await?,
        AdminCommand::Delete { email } => delete(url, &email).await?,
        AdminCommand::TwoStep { command: TwoStepCommand::Off { email } } => two_step_off(url, &email).await?,
    };
    Ok(match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(refusal) => refusal.into(),
    })
}

fn address(text: &str) -> Result<EmailAddress, Refusal> {
    EmailAddress::parse(text).map_err(|e| Refusal(format!("{text:?} is not an e-mail address: {e}")))
}

/// Reads a line of standard input, without its line ending.
fn line(input: &mut impl BufRead) -> Option<String> {
    let mut text = String::new();
    match input.read_line(&mut text) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(text.trim_end_matches(['\n', '\r']).to_owned()),
    }
}

/// The new password of `email`, read twice — typed unseen at a terminal,
/// or two lines from a pipe — and checked against the policy.
fn read_new_password(email: &EmailAddress) -> Result<Password, Refusal> {
    let (first, second) = if std::io::stdin().is_terminal() {
        let prompt = |text: &str| rpassword::prompt_password(text).ok();
        (prompt("New password: "), prompt("The same again: "))
    } else {
        let mut input = std::io::stdin().lock();
        (line(&mut input), line(&mut input))
    };
    let (Some(first), Some(second)) = (first, second) else {
        return Err(Refusal("expected the new password twice on standard input, one a line".into()));
    };
    if first != second {
        return Err(Refusal("the two passwords differ: nothing was changed".into()));
    }
    Password::new(&first, email.as_str()).map_err(|e| Refusal(format!("password refused, {e}")))
}

async fn create(
    url: Option<String>,
    email: &str,
    role: Role,
    lang: Option<Lang>,
) -> anyhow::Result<Result<(), Refusal>> {
    let email = match address(email) {
        Ok(email) => email,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let password = match read_new_password(&email) {
        Ok(password) => password,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let store = open(url).await?;
    if store.account(&email).await?.is_some() {
        return Ok(Err(Refusal(format!("{email}: an account exists already (admin passwd sets a new password)"))));
    }
    let hash = password::hash(password).await?;
    match store.create_account(&email, role, &hash, lang, &Actor::CommandLine, Clock::system().now()).await? {
        Some(_) => {
            println!("{email}: account created ({role})");
            Ok(Ok(()))
        }
        None => Ok(Err(Refusal(format!("{email}: an account exists already")))),
    }
}

async fn passwd(url: Option<String>, email: &str) -> anyhow::Result<Result<(), Refusal>> {
    let email = match address(email) {
        Ok(email) => email,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let store = open(url).await?;
    if store.account(&email).await?.is_none() {
        return Ok(Err(no_account(&email)));
    }
    let password = match read_new_password(&email) {
        Ok(password) => password,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let hash = password::hash(password).await?;
    if store.set_password(&email, &hash, None, &Actor::CommandLine, Clock::system().now()).await? {
        println!("{email}: password changed; its sessions have ended");
        Ok(Ok(()))
    } else {
        Ok(Err(no_account(&email)))
    }
}

fn no_account(email: &EmailAddress) -> Refusal {
    Refusal(format!("{email}: no such account"))
}

async fn change_role(url: Option<String>, email: &str, role: Role) -> anyhow::Result<Result<(), Refusal>> {
    let email = match address(email) {
        Ok(email) => email,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let store = open(url).await?;
    match store.set_role(&email, role, &Actor::CommandLine, Clock::system().now()).await? {
        Some(before) if before == role => println!("{email}: {role} already"),
        Some(before) => println!("{email}: {before} → {role}"),
        None => return Ok(Err(no_account(&email))),
    }
    Ok(Ok(()))
}

async fn list(url: Option<String>) -> anyhow::Result<Result<(), Refusal>> {
    let store = open(url).await?;
    let now = Clock::system().now();
    for account in store.accounts().await? {
        let state = if account.disabled {
            "disabled"
        } else if account.locked(now) {
            "waiting after failed sign-ins"
        } else {
            "active"
        };
        println!("{}\t{}\t{state}", account.email, account.role);
    }
    Ok(Ok(()))
}

async fn disable(url: Option<String>, email: &str) -> anyhow::Result<Result<(), Refusal>> {
    let email = match address(email) {
        Ok(email) => email,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let store = open(url).await?;
    let Some(account) = store.account(&email).await? else { return Ok(Err(no_account(&email))) };
    if account.disabled {
        println!("{email}: disabled already");
    } else {
        store.disable_account(&email, &Actor::CommandLine, Clock::system().now()).await?;
        println!("{email}: disabled; its sessions have ended");
    }
    Ok(Ok(()))
}

async fn delete(url: Option<String>, email: &str) -> anyhow::Result<Result<(), Refusal>> {
    let email = match address(email) {
        Ok(email) => email,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let store = open(url).await?;
    if store.delete_account(&email, &Actor::CommandLine, Clock::system().now()).await? {
        println!("{email}: deleted");
        Ok(Ok(()))
    } else {
        Ok(Err(no_account(&email)))
    }
}

async fn two_step_off(url: Option<String>, email: &str) -> anyhow::Result<Result<(), Refusal>> {
    let email = match address(email) {
        Ok(email) => email,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let store = open(url).await?;
    let Some(account) = store.account(&email).await? else { return Ok(Err(no_account(&email))) };
    if store.turn_off_two_step(account.id, &Actor::CommandLine, Clock::system().now()).await? {
        println!("{email}: two-step sign-in turned off; the next sign-in asks for the password only");
    } else {
        println!("{email}: two-step sign-in was off already");
    }
    Ok(Ok(()))
}

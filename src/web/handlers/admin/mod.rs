//! The back office, one file per area: signing in and out (and the second
//! step of a two-step sign-in), the dashboard, the signatories, the events,
//! the prose pages and their revisions, the newsletter's issues, the trash, the subscribers, the
//! person's own account, and, for admins, the audit
//! log, the accounts and the invitations. Every handler takes [`Staff`](crate::web::staff::Staff) or
//! [`AdminOnly`](crate::web::staff::AdminOnly), and every form post a
//! [`StaffForm`](crate::web::staff::StaffForm).

pub mod account;
pub mod accounts;
pub mod applications;
pub mod audit;
pub mod dashboard;
pub mod events;
pub mod invitations;
pub mod news;
pub mod newsletter;
pub mod pages;
pub mod sample;
pub mod sign_in;
pub mod signatories;
pub mod subscribers;
pub mod trash;
pub mod two_step;

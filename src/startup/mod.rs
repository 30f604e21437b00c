//! Start-up: the command line, the settings, and the server.

pub mod cli;
pub mod config;
pub mod connections;
pub mod server;

//! Start-up: the command line, the settings, and the server.

pub mod accounts;
pub mod bounces;
pub mod cli;
pub mod commands;
pub mod config;
pub mod connections;
pub mod database;
mod keep_alive;
pub mod server;

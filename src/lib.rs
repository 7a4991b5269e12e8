//! rounds: a keyboard-first terminal app for field sales reps and supervisors.
//!
//! `domain` holds the pure rules, `storage` the one layer over sled,
//! `screens` and `tui` the terminal front end, `cli` the command line.

pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod hub;
pub mod i18n;
pub mod keymap;
pub mod kiosk;
pub mod planning;
pub mod screens;
pub mod search;
pub mod service;
pub mod storage;
pub mod tui;
pub mod ui;

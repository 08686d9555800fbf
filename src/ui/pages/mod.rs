//! One file per screen.

pub mod board;
pub mod call;
pub mod customer_file;
pub mod customer_list;
pub mod customer_new;
pub mod data;
pub mod not_built;
pub mod outreach;
pub mod playbook;
pub mod practice;
pub mod settings;
pub mod split_screens;

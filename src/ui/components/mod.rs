//! Widgets shared by several screens.

pub mod banner;
pub mod class_badge;
pub mod contact_form;
pub mod customer_form;
pub mod nav;
pub mod timeline;

//! Widgets shared by several screens.

pub mod abc_panel;
pub mod answer_diff;
pub mod backup_reminder;
pub mod banner;
pub mod board_card;
pub mod board_column;
pub mod call_card;
pub mod call_log;
pub mod class_badge;
pub mod contact_fields;
pub mod contact_form;
pub mod csv_import;
pub mod customer_form;
pub mod drill_panel;
pub mod group_session_view;
pub mod move_panel;
pub mod nav;
pub mod outreach_warnings;
pub mod plan_form;
pub mod playbook_import;
pub mod progress_panel;
pub mod rehearse;
pub mod restore_preview;
pub mod storage_meter;
pub mod timeline;
pub mod trainee_bar;

//! The British English texts of occasions (Anlässe) in the customer form and file.

use super::super::keys::OccasionTexts;

pub const OCCASION: OccasionTexts = OccasionTexts {
    none: "No occasions yet.",
    new: "Add an occasion",
    kind: "Kind of occasion",
    kind_birthday: "Birthday",
    kind_renewal: "Contract renewal",
    kind_since: "Customer since",
    kind_custom: "Own occasion",
    date: "Date",
    birth_date: "Date of birth",
    renewal_date: "Contract ends on",
    since_date: "Customer since",
    contract: "Contract",
    label: "Name",
    notice_months: "Notice period (months)",
    renews_yearly: "Renews every year",
    repeats_yearly: "Every year",
    add: "Add occasion",
    added_hint: "Added, changed and removed occasions are kept once you press “Save”.",
    edit: "Edit",
    edit_label: |what| format!("Edit occasion “{what}”"),
    edit_title: "Edit occasion",
    apply: "Apply",
    editing: "being edited",
    remove: |what| format!("Remove occasion “{what}”"),
    err_date: "Please give a valid date for the occasion.",
    err_label: "Please name the contract or the occasion.",
    err_notice: "Please give the notice period in whole months (0 to 60).",
    yearly: "yearly",
    notice: |months| match months {
        1 => "1 month notice".to_string(),
        n => format!("{n} months notice"),
    },
    next: |what, date, when| format!("Next: {what} on {date} ({when})"),
    none_ahead: "passed, no further date",
    when: |days| match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "was yesterday".to_string(),
        n if n < 0 => format!("was {} days ago", -n),
        n => format!("in {n} days"),
    },
    contract_ends: |date, yearly| {
        if yearly {
            format!("(contract renews on {date})")
        } else {
            format!("(contract ends on {date})")
        }
    },
};

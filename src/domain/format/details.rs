//! The line of details under a name (company, phone, last contact): the parts that
//! are there, joined by a middle dot, so an empty one leaves no stray separator.

pub fn details_line<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn empty_parts_leave_no_separator() {
        assert_eq!(details_line(["Kanzlei", "", "K-7"]), "Kanzlei · K-7");
        assert_eq!(details_line(["", ""]), "");
        assert_eq!(details_line(["nur"]), "nur");
    }
}

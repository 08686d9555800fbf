//! Occasions in spreadsheet columns: a birthday, and one contract with its renewal day,
//! notice period and whether it renews every year. A row has room for one of each, so
//! a customer with several contracts exports the first; the backup keeps them all.

use crate::domain::customer::occasion::{Occasion, OccasionKind, MAX_NOTICE_MONTHS};
use crate::domain::exchange::csv_import::{parse_potential_flag, BadRowReason};
use crate::domain::exchange::csv_mapping::CsvField;
use crate::domain::format::dates::{format_date, parse_date};
use crate::domain::format::text_fold::fold;
use crate::domain::ids::OccasionId;

/// The name a contract gets when the row gives a renewal day but no contract name.
pub const UNNAMED_CONTRACT: &str = "Vertrag";

/// Ids within one imported row; [`merge_imported`] gives them fresh ones where they
/// join a customer's stored occasions.
const BIRTHDAY_ID: OccasionId = OccasionId(1);
const CONTRACT_ID: OccasionId = OccasionId(2);

/// "3", "3 Monate", "1 Monat", "3 Mon.", "1 Jahr", "2 Jahre", "3 months": whole months.
pub fn parse_notice_months(text: &str) -> Option<u32> {
    let folded = fold(text.trim());
    let digits_end = folded
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(folded.len());
    let count: u32 = folded[..digits_end].parse().ok()?;
    let unit = folded[digits_end..].trim().trim_end_matches('.');
    let months = match unit {
        "" | "m" | "mon" | "monat" | "monate" | "monaten" | "month" | "months" => count,
        "j" | "jahr" | "jahre" | "jahren" | "year" | "years" => count.checked_mul(12)?,
        _ => return None,
    };
    (months <= MAX_NOTICE_MONTHS).then_some(months)
}

/// The occasions a row's cells describe. A notice period only matters for a contract
/// that would otherwise go on, so without a "renews yearly" cell a contract with a
/// notice period is taken to renew every year, and one without to simply end.
pub fn read_occasions(
    cell: &dyn Fn(CsvField) -> String,
    reasons: &mut Vec<BadRowReason>,
) -> Vec<Occasion> {
    let mut occasions = Vec::new();
    let birthday = cell(CsvField::Birthday);
    if !birthday.is_empty() {
        match parse_date(&birthday) {
            Some(date) => {
                occasions.push(Occasion::new(BIRTHDAY_ID, OccasionKind::Birthday { date }))
            }
            None => reasons.push(BadRowReason::BirthdayUnparsable(birthday)),
        }
    }
    let renewal_text = cell(CsvField::RenewalDate);
    let notice_text = cell(CsvField::NoticeMonths);
    let yearly_text = cell(CsvField::RenewsYearly);
    let contract = cell(CsvField::Contract);
    if renewal_text.is_empty() {
        if !(notice_text.is_empty() && yearly_text.is_empty() && contract.is_empty()) {
            reasons.push(BadRowReason::RenewalMissing);
        }
        return occasions;
    }
    let renewal = parse_date(&renewal_text);
    if renewal.is_none() {
        reasons.push(BadRowReason::RenewalUnparsable(renewal_text.clone()));
    }
    let notice_months = if notice_text.is_empty() {
        Some(0)
    } else {
        parse_notice_months(&notice_text)
    };
    if notice_months.is_none() {
        reasons.push(BadRowReason::NoticeUnparsable(notice_text.clone()));
    }
    let yearly = if yearly_text.is_empty() {
        Some(notice_months.unwrap_or(0) > 0)
    } else {
        parse_potential_flag(&yearly_text)
    };
    if yearly.is_none() {
        reasons.push(BadRowReason::RenewsYearlyUnknown(yearly_text.clone()));
    }
    if let (Some(renewal), Some(notice_months), Some(yearly)) = (renewal, notice_months, yearly) {
        let contract = if contract.is_empty() {
            UNNAMED_CONTRACT.to_string()
        } else {
            contract
        };
        occasions.push(Occasion::new(
            CONTRACT_ID,
            OccasionKind::ContractRenewal {
                contract,
                renewal,
                notice_months,
                yearly,
            },
        ));
    }
    occasions
}

/// The export's cells for [`CsvField::Birthday`] through [`CsvField::RenewsYearly`],
/// in that order: the first birthday and the first contract.
pub fn occasion_cells(occasions: &[Occasion]) -> [String; 5] {
    let birthday = occasions
        .iter()
        .find_map(|o| match o.kind {
            OccasionKind::Birthday { date } => Some(format_date(date)),
            _ => None,
        })
        .unwrap_or_default();
    let contract = occasions.iter().find_map(|o| match &o.kind {
        OccasionKind::ContractRenewal {
            contract,
            renewal,
            notice_months,
            yearly,
        } => Some([
            contract.clone(),
            format_date(*renewal),
            notice_months.to_string(),
            if *yearly { "ja" } else { "nein" }.to_string(),
        ]),
        _ => None,
    });
    let [name, renewal, notice, yearly] = contract.unwrap_or_default();
    [birthday, name, renewal, notice, yearly]
}

/// What an update from a row does to the stored occasions: a birthday replaces the
/// stored birthday, a contract the stored contract of the same name (any case); both
/// keep the stored id. Anything new gets an id no stored occasion has.
pub fn merge_imported(stored: &mut Vec<Occasion>, imported: &[Occasion]) {
    for incoming in imported {
        let same = stored.iter_mut().find(|o| match (&o.kind, &incoming.kind) {
            (OccasionKind::Birthday { .. }, OccasionKind::Birthday { .. }) => true,
            (
                OccasionKind::ContractRenewal { contract: a, .. },
                OccasionKind::ContractRenewal { contract: b, .. },
            ) => fold(a) == fold(b),
            _ => false,
        });
        match same {
            Some(existing) => existing.kind = incoming.kind.clone(),
            None => {
                let id = stored.iter().map(|o| o.id.0).max().unwrap_or(0) + 1;
                stored.push(Occasion::new(OccasionId(id), incoming.kind.clone()));
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    fn read(cells: &[(CsvField, &str)]) -> (Vec<Occasion>, Vec<BadRowReason>) {
        let cell = |field: CsvField| {
            cells
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.to_string())
                .unwrap_or_default()
        };
        let mut reasons = Vec::new();
        let occasions = read_occasions(&cell, &mut reasons);
        (occasions, reasons)
    }

    #[test]
    fn notice_periods_in_the_forms_people_write() {
        for (text, months) in [
            ("3", 3),
            ("3 Monate", 3),
            ("1 Monat", 1),
            ("3 Mon.", 3),
            ("1 Jahr", 12),
            ("2 Jahre", 24),
            ("6 months", 6),
        ] {
            assert_eq!(parse_notice_months(text), Some(months), "{text}");
        }
        for text in ["drei", "6 Wochen", "", "999", "-1"] {
            assert_eq!(parse_notice_months(text), None, "{text}");
        }
    }

    #[test]
    fn a_row_gives_a_birthday_and_a_contract() {
        let (occasions, reasons) = read(&[
            (CsvField::Birthday, "12.05.1970"),
            (CsvField::Contract, "Kfz-Versicherung"),
            (CsvField::RenewalDate, "01.01.2027"),
            (CsvField::NoticeMonths, "3 Monate"),
        ]);
        assert!(reasons.is_empty(), "{reasons:?}");
        assert_eq!(
            occasions.iter().map(|o| o.kind.clone()).collect::<Vec<_>>(),
            vec![
                OccasionKind::Birthday {
                    date: d(1970, 5, 12)
                },
                OccasionKind::ContractRenewal {
                    contract: "Kfz-Versicherung".into(),
                    renewal: d(2027, 1, 1),
                    notice_months: 3,
                    yearly: true,
                }
            ]
        );
        let (ending, _) = read(&[(CsvField::RenewalDate, "2027-06-30")]);
        assert_eq!(
            ending[0].kind,
            OccasionKind::ContractRenewal {
                contract: UNNAMED_CONTRACT.into(),
                renewal: d(2027, 6, 30),
                notice_months: 0,
                yearly: false,
            }
        );
    }

    #[test]
    fn unreadable_cells_are_named() {
        let (occasions, reasons) = read(&[
            (CsvField::Birthday, "im Mai"),
            (CsvField::RenewalDate, "bald"),
            (CsvField::NoticeMonths, "6 Wochen"),
            (CsvField::RenewsYearly, "vielleicht"),
        ]);
        assert!(occasions.is_empty());
        assert_eq!(
            reasons,
            vec![
                BadRowReason::BirthdayUnparsable("im Mai".into()),
                BadRowReason::RenewalUnparsable("bald".into()),
                BadRowReason::NoticeUnparsable("6 Wochen".into()),
                BadRowReason::RenewsYearlyUnknown("vielleicht".into()),
            ]
        );
        let (_, reasons) = read(&[(CsvField::NoticeMonths, "3")]);
        assert_eq!(reasons, vec![BadRowReason::RenewalMissing]);
    }

    #[test]
    fn cells_read_back_and_updates_keep_ids() {
        let (occasions, _) = read(&[
            (CsvField::Birthday, "29.02.1988"),
            (CsvField::Contract, "Hausrat"),
            (CsvField::RenewalDate, "31.03.2027"),
            (CsvField::NoticeMonths, "1"),
            (CsvField::RenewsYearly, "nein"),
        ]);
        let cells = occasion_cells(&occasions);
        assert_eq!(
            cells,
            ["29.02.1988", "Hausrat", "31.03.2027", "1", "nein"].map(String::from)
        );
        let fields = [
            CsvField::Birthday,
            CsvField::Contract,
            CsvField::RenewalDate,
            CsvField::NoticeMonths,
            CsvField::RenewsYearly,
        ];
        let again = read(
            &fields
                .into_iter()
                .zip(cells.iter().map(String::as_str))
                .collect::<Vec<_>>(),
        );
        assert_eq!(again.0, occasions);

        let mut stored = vec![
            Occasion::new(
                OccasionId(7),
                OccasionKind::Birthday {
                    date: d(1988, 3, 1),
                },
            ),
            Occasion::new(
                OccasionId(9),
                OccasionKind::CustomerSince {
                    date: d(2016, 3, 1),
                },
            ),
        ];
        merge_imported(&mut stored, &occasions);
        assert_eq!(stored.len(), 3);
        assert_eq!(stored[0].id, OccasionId(7));
        assert_eq!(
            stored[0].kind, occasions[0].kind,
            "the birthday is corrected"
        );
        assert_eq!(stored[2].id, OccasionId(10), "a fresh id for the contract");
        merge_imported(&mut stored, &occasions);
        assert_eq!(stored.len(), 3, "the same contract again changes nothing");
    }
}

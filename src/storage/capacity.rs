//! How full local storage is, and how many more customers fit. Pure arithmetic on the
//! units the store reports; it lives here, not in the domain, because the quota is a
//! fact of the browser's local storage, which only this layer knows about.

/// Chromium's and Firefox's local storage quota, in UTF-16 units, keys included.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// The share of the quota in use from which the meter warns, and from which it alarms:
/// early enough to export a backup and clear out before a save fails.
pub const WARN_UNITS: usize = QUOTA_UNITS * 7 / 10;
pub const ALARM_UNITS: usize = QUOTA_UNITS * 9 / 10;
const _: () = assert!(WARN_UNITS < ALARM_UNITS && ALARM_UNITS < QUOTA_UNITS);

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capacity {
    pub used: usize,
    /// Percent of the quota in use.
    pub percent: f64,
    /// How many more customers fit at today's average size; `None` while there is no
    /// customer to take the average from.
    pub fits_more: Option<usize>,
}

impl Capacity {
    /// The average is the whole store divided by the customers, playbook and practice
    /// included, so the estimate errs on the safe side.
    pub fn of(used: usize, customers: usize) -> Capacity {
        let free = QUOTA_UNITS.saturating_sub(used);
        let fits_more = match used.checked_div(customers) {
            Some(average) if average > 0 => Some(free / average),
            _ => None,
        };
        Capacity {
            used,
            percent: used as f64 * 100.0 / QUOTA_UNITS as f64,
            fits_more,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_estimate_needs_a_customer_to_measure() {
        assert_eq!(Capacity::of(0, 0).fits_more, None);
        assert_eq!(Capacity::of(1_000, 0).fits_more, None);
        assert_eq!(Capacity::of(0, 3).fits_more, None, "no average of nothing");
        let half = Capacity::of(QUOTA_UNITS / 2, 1_000);
        assert_eq!(half.fits_more, Some(1_000));
        assert!((half.percent - 50.0).abs() < 1e-9);
        assert_eq!(Capacity::of(QUOTA_UNITS + 10, 5).fits_more, Some(0));
    }

    proptest! {
        /// The customers said to fit do fit at today's average size, and one more would not.
        #[test]
        fn what_is_said_to_fit_fits(used in 1usize..QUOTA_UNITS, customers in 1usize..50_000) {
            let capacity = Capacity::of(used, customers);
            let average = used / customers;
            let free = QUOTA_UNITS - used;
            match capacity.fits_more {
                None => prop_assert_eq!(average, 0),
                Some(more) => {
                    prop_assert!(more * average <= free);
                    prop_assert!((more + 1) * average > free);
                }
            }
            prop_assert!(capacity.percent > 0.0 && capacity.percent < 100.0);
        }
    }
}

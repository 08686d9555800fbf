use super::*;
use crate::domain::customer::builder::CustomerBuilder;
use proptest::prelude::*;

fn ids(group: &DuplicateGroup) -> Vec<u64> {
    group.members.iter().map(|id| id.0).collect()
}

#[test]
fn jaro_winkler_scores_like_the_textbook() {
    assert!((jaro_winkler("martha", "marhta") - 0.9611).abs() < 0.001);
    assert!((jaro_winkler("dwayne", "duane") - 0.84).abs() < 0.001);
    assert_eq!(jaro_winkler("abc", "abc"), 1.0);
    assert_eq!(jaro_winkler("", "abc"), 0.0);
    assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
}

#[test]
fn the_same_phone_in_two_forms_is_found() {
    let a = CustomerBuilder::new(1, "Jörg Meier")
        .phone("+49 171 2345678")
        .build();
    let b = CustomerBuilder::new(2, "J. Meier")
        .phone("0171/234 56 78")
        .build();
    let c = CustomerBuilder::new(3, "Anna Berg")
        .phone("0171 9999999")
        .build();
    let groups = find_duplicates([&a, &b, &c]);
    assert_eq!(groups.len(), 1);
    assert_eq!(ids(&groups[0]), vec![1, 2]);
    assert_eq!(
        groups[0].links[0].reason,
        DuplicateReason::SamePhone("1712345678".into())
    );
}

#[test]
fn number_email_and_similar_names_at_one_company() {
    let customers = [
        CustomerBuilder::new(1, "Anna").number("K-0007").build(),
        CustomerBuilder::new(2, "Berta").number(" k-0007 ").build(),
        CustomerBuilder::new(3, "Carl")
            .fields(|f| f.email = "Carl@Example.de".into())
            .build(),
        CustomerBuilder::new(4, "Carla")
            .fields(|f| f.email = "carl@example.de ".into())
            .build(),
        CustomerBuilder::new(5, "Jörg Meier")
            .company("Meier Bau GmbH")
            .build(),
        CustomerBuilder::new(6, "Joerg Maier")
            .company("Meier Bau GmbH")
            .build(),
        CustomerBuilder::new(7, "Jens Meier")
            .company("Meier Bau GmbH")
            .build(),
        CustomerBuilder::new(8, "Jörg Meier")
            .company("Andere AG")
            .build(),
        CustomerBuilder::new(9, "Meier, Jörg")
            .company("meier bau gmbh")
            .build(),
    ];
    let groups = find_duplicates(customers.iter());
    let seen: Vec<Vec<u64>> = groups.iter().map(ids).collect();
    assert_eq!(seen, vec![vec![1, 2], vec![3, 4], vec![5, 6, 9]]);
    assert!(matches!(
        groups[2].links[0].reason,
        DuplicateReason::SimilarName { score, .. } if score >= NAME_SIMILARITY
    ));
}

#[test]
fn a_dismissed_pair_is_not_linked_again() {
    let a = CustomerBuilder::new(1, "Anna")
        .phone("0171 2345678")
        .build();
    let b = CustomerBuilder::new(2, "Anna B.")
        .phone("0171 2345678")
        .build();
    assert_eq!(find_duplicates([&a, &b]).len(), 1);
    let (a, b) = dismiss_pair(&a, &b);
    assert!(is_dismissed(&a, &b) && is_dismissed(&b, &a));
    assert!(find_duplicates([&a, &b]).is_empty());
}

#[test]
fn a_shared_switchboard_links_nobody() {
    let all: Vec<Customer> = (0..(MAX_BUCKET as u64 + 1))
        .map(|i| {
            CustomerBuilder::new(i + 1, &format!("Person {i}"))
                .phone("089 100000")
                .build()
        })
        .collect();
    assert!(find_duplicates(all.iter()).is_empty());
}

fn arb_customers() -> impl Strategy<Value = Vec<Customer>> {
    let one = (
        prop::sample::select(vec![
            "Jörg Meier",
            "Joerg Meier",
            "Anna Berg",
            "Ana Berg",
            "Carl",
        ]),
        prop::sample::select(vec!["", "Meier Bau", "Berg KG"]),
        prop::sample::select(vec!["", "0171 1234567", "+49 171 1234567", "089 555555"]),
        prop::sample::select(vec!["", "a@x.de", "A@X.DE", "b@y.de"]),
        prop::sample::select(vec!["", "K-1", "K-2"]),
    );
    prop::collection::vec(one, 0..14).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (name, company, phone, email, number))| {
                let mut b = CustomerBuilder::new(i as u64 + 1, name)
                    .company(company)
                    .number(number)
                    .fields(|f| f.email = email.into());
                if !phone.is_empty() {
                    b = b.phone(phone);
                }
                b.build()
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn finding_is_symmetric_and_respects_dismissals(
        mut customers in arb_customers(),
        dismissals in prop::collection::vec((0usize..14, 0usize..14), 0..6),
    ) {
        for (x, y) in dismissals {
            if x < customers.len() && y < customers.len() && x != y {
                let (a, b) = dismiss_pair(&customers[x], &customers[y]);
                customers[x] = a;
                customers[y] = b;
            }
        }
        let forward = find_duplicates(customers.iter());
        let backward = find_duplicates(customers.iter().rev());
        prop_assert_eq!(&forward, &backward, "the order of the book changes nothing");
        let by_id = |id: CustomerId| customers.iter().find(|c| c.id == id).expect("member");
        for group in &forward {
            prop_assert!(group.members.len() >= 2);
            for link in &group.links {
                prop_assert!(link.a < link.b);
                prop_assert!(!is_dismissed(by_id(link.a), by_id(link.b)));
            }
            if group.members.len() == 2 {
                prop_assert!(!is_dismissed(by_id(group.members[0]), by_id(group.members[1])));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for id in forward.iter().flat_map(|g| &g.members) {
            prop_assert!(seen.insert(*id), "a customer sits in one group only");
        }
    }
}

proptest! {
    /// The length check skips only pairs that could never reach the threshold.
    #[test]
    fn the_length_check_never_skips_a_similar_pair(a in "[a-e ]{0,14}", b in "[a-e ]{0,14}") {
        let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        if jaro_winkler(&a, &b) >= NAME_SIMILARITY {
            prop_assert!(lengths_can_reach(ca.len(), cb.len()), "{a:?} {b:?}");
        }
    }
}

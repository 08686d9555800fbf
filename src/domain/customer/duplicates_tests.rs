use super::*;
use crate::domain::customer::builder::CustomerBuilder;
use crate::domain::customer::phone::normalize_phone;
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

/// Books with every way two records of one person may differ: case and spaces in the
/// number and e-mail, phone numbers in other forms and written twice, words of the name
/// swapped, umlauts spelled out, the company in other case.
fn arb_book() -> impl Strategy<Value = Vec<Customer>> {
    let one = (
        prop::sample::select(vec![
            "Jörg Meier",
            "Joerg Maier",
            "Meier, Jörg",
            "Jens Meier",
            "Anna Berg",
            "Ana Berg",
            "Berg Anna",
            "",
            "!",
        ]),
        prop::sample::select(vec!["", " ", "Meier Bau", "meier bau ", "Berg KG"]),
        prop::collection::vec(
            prop::sample::select(vec![
                "0171 1234567",
                "+49 171 1234567",
                "0171/123 45 67",
                "089 555555",
                "12345",
                "Zentrale",
            ]),
            0..3,
        ),
        prop::sample::select(vec!["", "a@x.de", " A@X.DE", "b@y.de", "Ä@x.de", "ä@x.de"]),
        prop::sample::select(vec!["", "K-1", " k-1", "K-2", " "]),
        prop::sample::select(vec!["", "80331", " 80 331", "01067"]),
    );
    prop::collection::vec(one, 0..16).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (name, company, phones, email, number, postcode))| {
                let mut b = CustomerBuilder::new(i as u64 + 1, name)
                    .company(company)
                    .number(number)
                    .fields(|f| {
                        f.email = email.into();
                        f.postcode = postcode.into();
                    });
                for phone in phones {
                    b = b.phone(phone);
                }
                b.build()
            })
            .collect()
    })
}

/// Every link of the rules, found by comparing every pair of the book: what the blocking
/// keys must reproduce without comparing every pair.
fn every_pair_compared(customers: &[Customer]) -> Vec<(u64, u64, DuplicateReason)> {
    use std::collections::BTreeSet;
    let number = |c: &Customer| c.fields.number.trim().to_lowercase();
    let email = |c: &Customer| c.fields.email.trim().to_lowercase();
    let phones = |c: &Customer| -> BTreeSet<String> {
        c.fields
            .phones
            .iter()
            .map(|p| normalize_phone(p))
            .filter(|p| p.len() >= 6)
            .collect()
    };
    let company = |c: &Customer| {
        let company = fold(c.fields.company.trim());
        let initial = name_key(&c.fields.name).chars().next();
        (!company.is_empty() && initial.is_some()).then_some((company, initial))
    };
    let postcode = |c: &Customer| {
        let postcode = postcode_key(&c.fields.postcode);
        let initial = name_key(&c.fields.name).chars().next();
        (!postcode.is_empty() && initial.is_some()).then_some((postcode, initial))
    };
    let held = |same: &dyn Fn(&Customer) -> bool| customers.iter().filter(|c| same(c)).count();
    let mut sorted: Vec<&Customer> = customers.iter().collect();
    sorted.sort_by_key(|c| c.id);
    let mut links = Vec::new();
    for (n, a) in sorted.iter().enumerate() {
        for b in &sorted[n + 1..] {
            if is_dismissed(a, b) {
                continue;
            }
            let (a_id, b_id) = (a.id.0, b.id.0);
            let key = number(a);
            if !key.is_empty() && key == number(b) && held(&|c| number(c) == key) <= MAX_BUCKET {
                let reason = DuplicateReason::SameNumber(a.fields.number.trim().to_string());
                links.push((a_id, b_id, reason));
            }
            let key = email(a);
            if !key.is_empty() && key == email(b) && held(&|c| email(c) == key) <= MAX_BUCKET {
                links.push((a_id, b_id, DuplicateReason::SameEmail(key)));
            }
            for digits in phones(a).intersection(&phones(b)) {
                if held(&|c| phones(c).contains(digits)) <= MAX_BUCKET {
                    links.push((a_id, b_id, DuplicateReason::SamePhone(digits.clone())));
                }
            }
            let key = company(a);
            if key.is_some() && key == company(b) && held(&|c| company(c) == key) <= MAX_BUCKET {
                let score = jaro_winkler(&name_key(&a.fields.name), &name_key(&b.fields.name));
                if score >= NAME_SIMILARITY {
                    let company = a.fields.company.trim().to_string();
                    links.push((a_id, b_id, DuplicateReason::SimilarName { company, score }));
                }
            }
            let key = postcode(a);
            if key.is_some() && key == postcode(b) && held(&|c| postcode(c) == key) <= MAX_BUCKET {
                let score = jaro_winkler(&name_key(&a.fields.name), &name_key(&b.fields.name));
                if score >= NAME_SIMILARITY {
                    let postcode = a.fields.postcode.trim().to_string();
                    links.push((
                        a_id,
                        b_id,
                        DuplicateReason::SimilarNameAtPostcode { postcode, score },
                    ));
                }
            }
        }
    }
    links
}

fn found_links(groups: &[DuplicateGroup]) -> Vec<(u64, u64, DuplicateReason)> {
    groups
        .iter()
        .flat_map(|g| &g.links)
        .map(|l| (l.a.0, l.b.0, l.reason.clone()))
        .collect()
}

fn order(links: &mut [(u64, u64, DuplicateReason)]) {
    links.sort_by(|p, q| (p.0, p.1, reason_order(&p.2)).cmp(&(q.0, q.1, reason_order(&q.2))));
}

proptest! {
    /// The blocking keys skip no pair that a rule links, and link none it does not.
    #[test]
    fn no_pair_a_rule_links_is_skipped(
        mut customers in arb_book(),
        dismissals in prop::collection::vec((0usize..16, 0usize..16), 0..4),
    ) {
        for (x, y) in dismissals {
            if x < customers.len() && y < customers.len() && x != y {
                let (a, b) = dismiss_pair(&customers[x], &customers[y]);
                customers[x] = a;
                customers[y] = b;
            }
        }
        let mut expected = every_pair_compared(&customers);
        order(&mut expected);
        let groups = find_duplicates(customers.iter());
        let mut found = found_links(&groups);
        order(&mut found);
        prop_assert_eq!(found, expected);
        for group in &groups {
            let linked: std::collections::BTreeSet<CustomerId> =
                group.links.iter().flat_map(|l| [l.a, l.b]).collect();
            prop_assert_eq!(linked.into_iter().collect::<Vec<_>>(), group.members.clone());
        }
    }

    /// With every key hashed alike, the key texts alone keep customers apart.
    #[test]
    fn colliding_hashes_link_no_one_more(customers in arb_book()) {
        let every_key_collides: KeyHash = |_, _| 0;
        prop_assert_eq!(
            find_with(customers.iter(), every_key_collides),
            find_duplicates(customers.iter())
        );
    }

    /// The initial a company bucket is keyed by is the first letter of the name compared.
    #[test]
    fn the_bucket_initial_is_the_first_letter_of_the_name_key(name in "[a-zA-ZäöüÄÖÜß ,.-]{0,16}") {
        prop_assert_eq!(
            crate::domain::customer::duplicate_keys::name_initial(&fold(&name)),
            name_key(&name).chars().next()
        );
    }
}

#[test]
fn a_customer_with_one_number_written_twice_is_no_duplicate_of_itself() {
    let a = CustomerBuilder::new(1, "Anna")
        .phone("0171 2345678")
        .phone("+49 171 2345678")
        .build();
    assert!(find_duplicates([&a]).is_empty());
    let b = CustomerBuilder::new(2, "Berta")
        .phone("01712345678")
        .build();
    let groups = find_duplicates([&a, &b]);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].links.len(), 1, "{:?}", groups[0].links);
}

//! The similar-name rule at one postcode: private customers share no company, so the
//! postcode is their place.

use super::*;
use crate::domain::customer::builder::CustomerBuilder;
use proptest::prelude::*;

fn ids(group: &DuplicateGroup) -> Vec<u64> {
    group.members.iter().map(|id| id.0).collect()
}

#[test]
fn similar_names_at_one_postcode_are_found_without_a_company() {
    let customers = [
        CustomerBuilder::new(1, "Jörg Meier")
            .postcode("80331")
            .build(),
        CustomerBuilder::new(2, "Joerg Meyer")
            .postcode(" 80331 ")
            .build(),
        // Same postcode, another person.
        CustomerBuilder::new(3, "Jens Meier")
            .postcode("80331")
            .build(),
        // The same name elsewhere.
        CustomerBuilder::new(4, "Jörg Meier")
            .postcode("01067")
            .build(),
    ];
    let groups = find_duplicates(customers.iter());
    assert_eq!(groups.iter().map(ids).collect::<Vec<_>>(), vec![vec![1, 2]]);
    assert_eq!(groups[0].links.len(), 1);
    assert!(matches!(
        &groups[0].links[0].reason,
        DuplicateReason::SimilarNameAtPostcode { postcode, score }
            if postcode == "80331" && *score >= NAME_SIMILARITY
    ));
}

#[test]
fn similar_names_at_different_postcodes_and_companies_are_not_grouped() {
    let a = CustomerBuilder::new(1, "Jörg Meier")
        .postcode("80331")
        .company("Meier Bau GmbH")
        .build();
    let b = CustomerBuilder::new(2, "Joerg Meyer")
        .postcode("80333")
        .company("Meyer Transporte")
        .build();
    assert!(find_duplicates([&a, &b]).is_empty());
}

#[test]
fn without_a_postcode_nobody_is_linked_by_it() {
    let a = CustomerBuilder::new(1, "Jörg Meier").build();
    let b = CustomerBuilder::new(2, "Joerg Meyer").postcode(" ").build();
    assert!(find_duplicates([&a, &b]).is_empty());
}

#[test]
fn company_and_postcode_both_give_their_reason() {
    let a = CustomerBuilder::new(1, "Jörg Meier")
        .company("Meier Bau GmbH")
        .postcode("80331")
        .build();
    let b = CustomerBuilder::new(2, "Joerg Meier")
        .company("Meier Bau GmbH")
        .postcode("80331")
        .build();
    let groups = find_duplicates([&a, &b]);
    assert_eq!(groups.len(), 1);
    let reasons: Vec<&DuplicateReason> = groups[0].links.iter().map(|l| &l.reason).collect();
    assert!(matches!(reasons[0], DuplicateReason::SimilarName { .. }));
    assert!(matches!(
        reasons[1],
        DuplicateReason::SimilarNameAtPostcode { .. }
    ));
}

#[test]
fn one_crowded_postcode_links_nobody() {
    let all: Vec<Customer> = (0..(MAX_BUCKET as u64 + 1))
        .map(|i| {
            CustomerBuilder::new(i + 1, "Jörg Meier")
                .postcode("80331")
                .build()
        })
        .collect();
    assert!(find_duplicates(all.iter()).is_empty());
}

fn arb_customers() -> impl Strategy<Value = Vec<Customer>> {
    let one = (
        prop::sample::select(vec!["Jörg Meier", "Joerg Meyer", "Anna Berg", "Ana Berg"]),
        prop::sample::select(vec!["", "80331", "80 331", "01067"]),
        prop::sample::select(vec!["", "Meier Bau"]),
    );
    prop::collection::vec(one, 0..12).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (name, postcode, company))| {
                CustomerBuilder::new(i as u64 + 1, name)
                    .postcode(postcode)
                    .company(company)
                    .build()
            })
            .collect()
    })
}

proptest! {
    /// A postcode link always joins two similar names at one postcode, whatever the
    /// order of the book.
    #[test]
    fn postcode_links_are_symmetric_and_need_one_postcode(customers in arb_customers()) {
        let forward = find_duplicates(customers.iter());
        prop_assert_eq!(&forward, &find_duplicates(customers.iter().rev()));
        let by_id = |id: CustomerId| customers.iter().find(|c| c.id == id).expect("member");
        for link in forward.iter().flat_map(|g| &g.links) {
            if let DuplicateReason::SimilarNameAtPostcode { .. } = link.reason {
                let (a, b) = (by_id(link.a), by_id(link.b));
                prop_assert_eq!(postcode_key(&a.fields.postcode), postcode_key(&b.fields.postcode));
                prop_assert!(!a.fields.postcode.trim().is_empty());
            }
        }
    }
}

use serde::{Deserialize, Serialize};

/// The four customer classes of the method.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum CustomerClass {
    A,
    B,
    C,
    /// A new customer is not yet classified ("ohne Einteilung").
    #[default]
    O,
}

impl CustomerClass {
    /// Board order: the top customers first, the unclassified before the low-yield ones.
    pub const BOARD_ORDER: [CustomerClass; 4] = [Self::A, Self::B, Self::O, Self::C];

    pub fn letter(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::O => "O",
        }
    }

    pub fn from_letter(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "A" => Some(Self::A),
            "B" => Some(Self::B),
            "C" => Some(Self::C),
            "O" | "0" => Some(Self::O),
            _ => None,
        }
    }

    /// Where a customer of this class can be moved: every other class, in board order.
    pub fn move_targets(self) -> impl Iterator<Item = CustomerClass> {
        Self::BOARD_ORDER.into_iter().filter(move |c| *c != self)
    }

    /// B and O customers are the ones whose potential the method raises.
    pub fn is_potential_class(self) -> bool {
        matches!(self, Self::B | Self::O)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip() {
        for class in CustomerClass::BOARD_ORDER {
            assert_eq!(CustomerClass::from_letter(class.letter()), Some(class));
        }
        assert_eq!(CustomerClass::from_letter(" b "), Some(CustomerClass::B));
        assert_eq!(CustomerClass::from_letter("X"), None);
    }

    #[test]
    fn a_customer_moves_to_any_other_class() {
        for class in CustomerClass::BOARD_ORDER {
            let targets: Vec<_> = class.move_targets().collect();
            assert_eq!(targets.len(), 3);
            assert!(!targets.contains(&class));
        }
        assert_eq!(
            CustomerClass::O.move_targets().collect::<Vec<_>>(),
            vec![CustomerClass::A, CustomerClass::B, CustomerClass::C]
        );
    }

    #[test]
    fn only_b_and_o_are_potential_classes() {
        let potential: Vec<_> = CustomerClass::BOARD_ORDER
            .into_iter()
            .filter(|c| c.is_potential_class())
            .collect();
        assert_eq!(potential, vec![CustomerClass::B, CustomerClass::O]);
    }
}

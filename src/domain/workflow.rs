//! Workflow states as enums with explicit transitions (DESIGN "States are enums with
//! transitions"). Every state machine of the portal (calls now; applications,
//! evaluations and contracts later) implements `Workflow`, and `transition` is the only
//! way a service moves an object on, so a step can never be skipped. The generic test
//! helper `assert_transitions` tries every event from every state.

use std::fmt::Debug;

/// A state machine: its states, its events, and the one transition function.
pub trait Workflow: Copy + Eq + Debug + 'static {
    type Event: Copy + Eq + Debug + 'static;

    /// Every state.
    const STATES: &'static [Self];
    /// Every event.
    const EVENTS: &'static [Self::Event];

    /// The state after `event`, or None when the event is not allowed in this state.
    fn next(self, event: Self::Event) -> Option<Self>;

    /// The message shown when `event` is refused (by the state it happened in).
    fn refusal(self, event: Self::Event) -> &'static str;

    /// Moves on, or says why not.
    fn transition(self, event: Self::Event) -> Result<Self, Refused> {
        self.next(event).ok_or(Refused {
            message_key: self.refusal(event),
        })
    }
}

/// A transition refused: the event is not allowed in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub message_key: &'static str,
}

/// Test helper: exactly `allowed` (from, event, to) are possible; every other event
/// from every state is refused.
#[cfg(test)]
pub fn assert_transitions<W: Workflow>(allowed: &[(W, W::Event, W)]) {
    for &state in W::STATES {
        for &event in W::EVENTS {
            let expected = allowed
                .iter()
                .find(|(from, e, _)| *from == state && *e == event)
                .map(|(_, _, to)| *to);
            assert_eq!(
                state.next(event),
                expected,
                "{event:?} from {state:?} should be {expected:?}"
            );
            if expected.is_none() {
                assert!(!state.refusal(event).is_empty());
                assert!(state.transition(event).is_err());
            }
        }
    }
}

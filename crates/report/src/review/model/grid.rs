//! What the review reads of the questionnaire beyond its accessor methods: the only place that
//! touches its fields, so that a change of the questionnaire's API is one edit here.

use crate::questionnaire::{Question, Questionnaire};
use crate::text::Text;

/// The question at position `qi`.
pub fn question(q: &Questionnaire, qi: usize) -> Option<&Question> {
    q.questions.get(qi)
}

/// The themes' ids, in the grid's order.
pub fn theme_ids(q: &Questionnaire) -> Vec<&str> {
    q.themes.iter().map(|t| t.id.as_str()).collect()
}

/// The grid's title.
pub fn title(q: &Questionnaire) -> &Text {
    &q.title
}

/// The grid's id and version.
pub fn id_version(q: &Questionnaire) -> (&str, &str) {
    (&q.id, &q.version)
}

/// What level 0 ("not started") means, if the grid says.
pub fn not_started_definition(q: &Questionnaire) -> Option<&Text> {
    q.not_started.as_ref().map(|n| &n.definition)
}

/// Whether the grid maps its questions to regulations (grid 1.1.0 and later do).
pub fn has_regulation_mappings(q: &Questionnaire) -> bool {
    q.frameworks.iter().any(|f| !f.requirements.is_empty())
        && q.questions.iter().any(|x| !x.mappings.is_empty())
}

/// The grid's provenance paragraph, when it has one.
pub fn provenance(q: &Questionnaire) -> Option<&Text> {
    q.provenance.as_ref()
}

/// The grid's frameworks (regulations and standards its questions map to).
pub fn frameworks(q: &Questionnaire) -> &[crate::mapping::Framework] {
    &q.frameworks
}

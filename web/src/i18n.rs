//! Every string of the interface, in French and in English.
//!
//! The grid's own texts (questions, levels, themes, recommendations) come from the questionnaire
//! file as bilingual [`vigilance_model::Text`]; everything else is here, as one [`K`] key per
//! string ([`K::get`]) plus a few functions for sentences with numbers or names. The language
//! follows `navigator.language` on first visit and can be switched at any time.

use vigilance_model::Lang;
use vigilance_model::exact::format_percent;

macro_rules! strings {
    ($($key:ident => $fr:expr, $en:expr;)*) => {
        /// A string of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum K { $($key),* }

        impl K {
            /// Every key (for the test that both languages are filled in).
            pub const ALL: &'static [K] = &[$(K::$key),*];

            /// The string in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(K::$key => lang.pick($fr, $en)),* }
            }
        }
    };
}

strings! {
    AppTitle => "Vigilance", "Vigilance";
    AppTagline => "Auto-évaluation : prévention du travail des enfants et du travail forcé dans les chaînes d'approvisionnement",
        "Self-assessment: preventing child labour and forced labour in supply chains";
    SkipToContent => "Aller au contenu", "Skip to content";
    LangSwitch => "English", "Français";
    LangSwitchLabel => "Switch to English", "Passer en français";
    MainNav => "Étapes", "Steps";
    NavStart => "Profil", "Profile";
    NavQuestionnaire => "Questionnaire", "Questionnaire";
    NavResults => "Résultats", "Results";
    CurrentAssessment => "Évaluation ouverte", "Open assessment";
    // Start screen
    StartIntro => "Répondez à une grille à quatre niveaux (niveaux RHSF/FIR) pour le travail des enfants et le travail forcé, en une ou plusieurs fois. Vous obtenez un niveau par volet, un profil, les raisons de ce niveau et les prochaines étapes.",
        "Answer a four-level grid (RHSF/FIR levels) for child labour and forced labour, in one or several sittings. You get a level per track, a profile, the reasons for that level and the next steps.";
    PrivacyNote => "Vos réponses restent dans ce navigateur : aucun compte, aucune donnée envoyée. Elles sont enregistrées à chaque modification ; téléchargez le fichier de réponses pour les conserver ailleurs ou les transmettre.",
        "Your answers stay in this browser: no account, nothing is sent anywhere. They are saved at every change; download the answer sheet to keep them elsewhere or to share them.";
    StartTitle => "Auto-évaluation travail des enfants et travail forcé", "Child-labour and forced-labour self-assessment";
    YourAssessments => "Vos évaluations", "Your assessments";
    NoAssessments => "Aucune évaluation pour l'instant.", "No assessment yet.";
    Resume => "Reprendre", "Resume";
    Delete => "Supprimer", "Delete";
    ConfirmDelete => "Confirmer la suppression", "Confirm deletion";
    Cancel => "Annuler", "Cancel";
    NewAssessment => "Nouvelle évaluation", "New assessment";
    ProfileOfCurrent => "Profil de l'entreprise", "Company profile";
    CompanyName => "Nom de l'entreprise", "Company name";
    Sector => "Secteur", "Sector";
    Country => "Pays", "Country";
    CountryHint => "Code ISO (FR, DE…) ou nom", "ISO code (FR, DE…) or name";
    Period => "Période", "Period";
    PeriodHint => "Par exemple 2025", "For example 2025";
    CompanyId => "Identifiant (LEI, ISIN) — facultatif", "Identifier (LEI, ISIN) — optional";
    Start => "Commencer", "Start";
    NameRequired => "Indiquez le nom de l'entreprise.", "Enter the company name.";
    ContinueToQuestionnaire => "Continuer vers le questionnaire", "Continue to the questionnaire";
    ImportTitle => "Importer un fichier de réponses", "Import an answer sheet";
    ImportHelp => "Un fichier enregistré depuis cette application (JSON, format vigilance.answers/1), un modèle Excel rempli (une entreprise) ou une matrice (Excel ou CSV, comme la lit l'outil en ligne de commande) — une évaluation par entreprise. Le fichier est lu dans ce navigateur : rien n'est envoyé.",
        "A file saved from this app (JSON, format vigilance.answers/1), a filled Excel template (one company) or a matrix (Excel or CSV, as the command-line tool reads it) — one assessment per company. The file is read in this browser: nothing is sent.";
    ImportLabel => "Choisir un fichier de réponses (JSON, Excel, CSV)", "Choose an answer file (JSON, Excel, CSV)";
    Reading => "Lecture du fichier…", "Reading the file…";
    ImportFailed => "Ce fichier ne peut pas être importé :", "This file cannot be imported:";
    CompareOneSheet => "choisissez le fichier de réponses d'une seule évaluation (JSON).", "choose the answer file of a single assessment (JSON).";
    ImportWarnings => "Fichier importé, avec ces remarques :", "File imported, with these remarks:";
    ReadFailed => "Le fichier n'a pas pu être lu.", "The file could not be read.";
    // Questionnaire
    LevelsNav => "Niveaux", "Levels";
    LevelPager => "Niveau précédent ou suivant", "Previous or next level";
    QuestionnaireTitle => "Questionnaire", "Questionnaire";
    ThemeFilter => "Thème", "Theme";
    AllThemes => "Tous les thèmes (par niveau)", "All themes (by level)";
    NextUnanswered => "Question suivante sans réponse", "Next unanswered question";
    AllAnswered => "Toutes les questions ont une réponse", "Every question is answered";
    SeeResults => "Voir les résultats", "See the results";
    PreviousLevel => "Niveau précédent", "Previous level";
    NextLevel => "Niveau suivant", "Next level";
    Critical => "Critique", "Critical";
    CriticalHint => "Une question critique doit obtenir tous ses points pour que le niveau soit atteint ; « non applicable » n'y est pas possible.",
        "A critical question must earn its full point for the level to be achieved; “not applicable” is not possible.";
    PartialMeans => "« Partiellement » =", "“Partially” =";
    NoPartial => "Pas de réponse « partiellement » pour cette question.", "No “partially” answer for this question.";
    Help => "Aide", "Help";
    References => "Références", "References";
    Comment => "Commentaire", "Comment";
    Evidence => "Preuves", "Evidence";
    EvidenceHint => "Une référence de document ou une adresse par ligne", "One document reference or URL per line";
    CommentAndEvidence => "Commentaire et preuves", "Comment and evidence";
    Justification => "Justification (obligatoire)", "Justification (required)";
    NaNeedsJustification => "« Non applicable » demande une justification : cette réponse n'est pas prise en compte tant qu'elle n'est pas justifiée.",
        "“Not applicable” needs a justification: this answer is not counted until it is justified.";
    ClearAnswer => "Effacer la réponse", "Clear the answer";
    Answered => "répondu", "answered";
    Progress => "Avancement", "Progress";
    NoQuestionForTheme => "Aucune question de ce thème.", "No question for this theme.";
    // Results
    ResultsTitle => "Résultats", "Results";
    Headline => "Niveau de l'entreprise", "Company level";
    HeadlineHint => "Le plus bas des deux volets.", "The lower of the two tracks.";
    Provisional => "Résultat provisoire", "Provisional result";
    ProvisionalText => "Certaines questions n'ont pas de réponse : elles comptent pour zéro et le résultat peut changer.",
        "Some questions are unanswered: they count as zero and the result may change.";
    Complete => "Complétude", "Completeness";
    Profile => "Profil par niveau", "Profile by level";
    Threshold => "Seuil", "Threshold";
    ThemeScores => "Scores par thème", "Theme scores";
    Theme => "Thème", "Theme";
    Why => "Pourquoi ce niveau", "Why this level";
    NextSteps => "Prochaines étapes", "Next steps";
    NextStepsIntro => "Dans l'ordre de la méthode : les questions critiques du niveau suivant, puis les autres questions de ce niveau, puis celles des niveaux déjà atteints.",
        "In the method's order: the critical questions of the next level, then the other questions of that level, then those of the levels already achieved.";
    NoNextSteps => "Rien à améliorer : toutes les questions obtiennent tous leurs points.", "Nothing to improve: every question earns its full point.";
    ShowAllSteps => "Afficher toutes les étapes", "Show all steps";
    ShowFewerSteps => "Afficher moins d'étapes", "Show fewer steps";
    CurrentAnswer => "Réponse actuelle", "Current answer";
    Unanswered => "sans réponse", "unanswered";
    Recommendation => "Recommandation", "Recommendation";
    GoToQuestion => "Aller à la question", "Go to the question";
    Index => "Indice indicatif", "Indicative index";
    IndexHint => "Pour classer au sein d'un portefeuille, jamais le niveau affiché.", "For sorting within a portfolio, never the headline.";
    KnowledgeGaps => "« Ne sait pas »", "“Don't know”";
    Substantiated => "Aperçu de la vue investisseur (réponses étayées)", "Preview the investor view (substantiated answers)";
    SubstantiatedHint => "Un « oui » sans preuve compte pour moitié, un « partiellement » sans preuve pour un quart.",
        "A “yes” without evidence counts half, a “partially” without evidence a quarter.";
    Unsubstantiated => "Réponses sans preuve", "Answers without evidence";
    Achieved => "atteint", "achieved";
    NotAchieved => "non atteint", "not achieved";
    AllLevelsAchieved => "Les quatre niveaux sont atteints.", "All four levels are achieved.";
    Comparison => "Comparaison avec une évaluation antérieure", "Comparison with an earlier assessment";
    CompareWith => "Comparer avec", "Compare with";
    NoComparison => "Aucune comparaison", "No comparison";
    CompareImport => "Charger un fichier de réponses antérieur (JSON)", "Load an earlier answer sheet (JSON)";
    Earlier => "Antérieure", "Earlier";
    Now => "Actuelle", "Now";
    Change => "Évolution", "Change";
    Level => "Niveau", "Level";
    // Take away
    TakeAway => "Emporter", "Take it away";
    DownloadJson => "Télécharger les réponses (JSON)", "Download the answers (JSON)";
    DownloadXlsx => "Télécharger les résultats (Excel)", "Download the results (Excel)";
    Print => "Imprimer / enregistrer en PDF", "Print / save as PDF";
    PreparingWorkbook => "Préparation du classeur…", "Preparing the workbook…";
    DownloadFailed => "Le téléchargement a échoué :", "The download failed:";
    ReportFor => "Rapport d'auto-évaluation", "Self-assessment report";
    // Storage
    NotSavedTitle => "Vos réponses ne sont pas enregistrées", "Your answers are not being saved";
    NotSavedText => "Ce navigateur refuse l'enregistrement local (navigation privée, stockage bloqué ou plein). Téléchargez le fichier de réponses avant de fermer l'onglet.",
        "This browser refuses local saving (private browsing, blocked or full storage). Download the answer sheet before closing the tab.";
    RecoveryTitle => "Les réponses enregistrées n'ont pas pu être relues", "The saved answers could not be read back";
    RecoveryText => "Rien n'a été effacé. Téléchargez le texte enregistré pour le conserver, récupérez les évaluations encore lisibles, ou recommencez.",
        "Nothing has been deleted. Download the saved text to keep it, recover the assessments that can still be read, or start again.";
    RecoveryReason => "Cause :", "Reason:";
    DownloadRaw => "Télécharger le texte enregistré", "Download the saved text";
    RecoverReading => "Recherche des évaluations lisibles…", "Looking for readable assessments…";
    RecoverFailed => "Les évaluations encore lisibles n'ont pas pu être recherchées (le lecteur de fichiers ne s'est pas chargé) : rechargez la page pour réessayer, ou téléchargez le texte enregistré.",
        "The assessments that can still be read could not be looked for (the file reader did not load): reload the page to try again, or download the saved text.";
    RecoverReadable => "Récupérer les évaluations lisibles", "Recover the readable assessments";
    StartAgain => "Recommencer (effacer l'enregistrement)", "Start again (erase what was saved)";
    Close => "Fermer", "Close";
    // Grids (choice, provenance, loading, upgrade)
    GridChoice => "Grille", "Grid";
    GridFullTitle => "Grille complète", "Full grid";
    GridFullDescription => "Les 40 questions de la grille à quatre niveaux, pour les entreprises qui conduisent un plan de vigilance.",
        "The 40 questions of the four-level grid, for companies that run a due-diligence plan.";
    GridLightTitle => "Grille allégée (PME et fournisseurs)", "Light grid (SMEs and suppliers)";
    GridLightDescription => "Une version courte, en langage simple, pour les PME et les fournisseurs que leurs clients interrogent ; son niveau n'équivaut pas à celui de la grille complète.",
        "A short version in plain language for SMEs and for suppliers asked by their buyers; its level is not equivalent to a full-grid level.";
    AboutGrid => "D'où vient cette grille", "Where this grid comes from";
    GridLoading => "Chargement de la grille…", "Loading the grid…";
    GridLoadFailed => "La grille n'a pas pu être chargée. Rechargez la page et réessayez.", "The grid could not be loaded. Reload the page and try again.";
    Nace => "Code NACE (facultatif)", "NACE code (optional)";
    NaceHint => "Section ou division NACE Rév. 2, par ex. C ou 14", "NACE Rev. 2 section or division, e.g. C or 14";
    Buyer => "Client donneur d'ordre (facultatif)", "Buyer (optional)";
    BuyerHint => "Nom ou identifiant du client qui vous interroge", "Name or identifier of the buyer asking you";
    Tier => "Rang du fournisseur (facultatif)", "Supplier tier (optional)";
    TierNone => "Non précisé", "Not given";
    TierThreePlus => "3 et au-delà", "3 and beyond";
    UpgradeTitle => "Nouvelle version de la grille", "New version of the grid";
    UpgradeOffer => "Cette évaluation utilise une version antérieure de la grille. Vous pouvez en faire une copie sur la nouvelle version : l'évaluation actuelle est conservée telle quelle.",
        "This assessment uses an earlier version of the grid. You can make a copy on the new version: the current assessment is kept as it is.";
    UpgradeButton => "Créer une copie sur la version", "Make a copy on version";
    UpgradeDoneTitle => "Copie sur la nouvelle version", "Copy on the new version";
    UpgradeCarried => "Réponses reprises", "Answers carried over";
    UpgradeRevised => "Questions révisées, à ressaisir", "Revised questions, to answer again";
    UpgradeAdded => "Nouvelles questions", "New questions";
    UpgradeProvisional => "Le résultat reste provisoire tant que les nouvelles questions et les questions révisées n'ont pas de réponse.",
        "The result stays provisional until the new and revised questions are answered.";
    UpgradeDismiss => "Compris", "Got it";
    ComparedAcrossVersions => "Les deux évaluations n'utilisent pas la même version de la grille : seuls les niveaux et les questions communes aux deux versions sont comparés.",
        "The two assessments use different versions of the grid: only the levels and the questions both versions share are compared.";
    ComparedOtherGrid => "Les deux évaluations n'utilisent pas la même grille : leurs niveaux ne sont pas comparables.",
        "The two assessments use different grids: their levels are not comparable.";
    // Regulations
    Regulations => "Réglementations", "Regulations";
    RegulationsLoading => "Chargement de la correspondance avec les textes…", "Loading the mapping to the regulations…";
    RegulationsLoadFailed => "La correspondance avec les textes n'a pas pu être chargée : rechargez la page pour réessayer. Les niveaux et les prochaines étapes ne dépendent pas d'elle.",
        "The mapping to the regulations could not be loaded: reload the page to try again. The levels and the next steps do not depend on it.";
    Framework => "Cadre", "Framework";
    Requirement => "Exigence", "Requirement";
    NotCoveredByGrid => "Non couverte par la grille", "Not covered by the grid";
    CoverageCounts => "exigences couvertes par la grille", "requirements covered by the grid";

    // ----- issue 18 -----
    HeavyNaLine => "{level} : {percent} du poids des questions du niveau est répondu « sans objet », plus d'un quart (avertissement : le score n'en est pas modifié).",
        "{level}: {percent} of the level's question weight is answered not applicable, more than a quarter (a warning: the score is unchanged).";
    HeavyNaBadge => "beaucoup de « sans objet »", "many not applicable";
    WhyTooManyNa => "{level} : trop de questions « sans objet » — {percent} du poids du niveau est répondu « sans objet », si bien que moins que le minimum de {min} fixé par la grille s'applique. Le niveau n'est pas atteint.",
        "{level}: too many questions answered not applicable — {percent} of the level's weight is answered not applicable, so less than the grid's minimum of {min} applies. The level is not achieved.";
}

/// `template` with each `{name}` replaced by its value in `args` (the `K` strings that take
/// values).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// `12 / 29` style progress, spoken naturally.
pub fn answered_of(lang: Lang, answered: u32, total: u32) -> String {
    match lang {
        Lang::Fr => format!("{answered} réponse{} sur {total}", plural(answered)),
        Lang::En => format!("{answered} of {total} answered"),
    }
}

fn plural(n: u32) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// A percentage for people: `83,3 %` in French, `83.3%` in English.
pub fn percent(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}%", format_percent(value, lang)),
        Lang::En => format!("{}%", format_percent(value, lang)),
    }
}

/// A threshold for people: `70 %` / `70%` (decimals only when it has some).
pub fn threshold(lang: Lang, value: f64) -> String {
    if value.fract() == 0.0 {
        match lang {
            Lang::Fr => format!("{value:.0}\u{a0}%"),
            Lang::En => format!("{value:.0}%"),
        }
    } else {
        percent(lang, value)
    }
}

/// "N2 — Expressed commitment".
pub fn level_name(code: &str, label: &str) -> String {
    format!("{code} — {label}")
}

/// Why the next level is not achieved: the score is below the threshold.
pub fn below_threshold(lang: Lang, level: &str, score: &str, threshold: &str) -> String {
    match lang {
        Lang::Fr => format!("{level} : le score ({score}) est sous le seuil de {threshold}."),
        Lang::En => format!("{level}: the score ({score}) is below the {threshold} threshold."),
    }
}

/// The score reaches the threshold.
pub fn meets_threshold(lang: Lang, level: &str, score: &str, threshold: &str) -> String {
    match lang {
        Lang::Fr => format!("{level} : le score ({score}) atteint le seuil de {threshold}."),
        Lang::En => format!("{level}: the score ({score}) reaches the {threshold} threshold."),
    }
}

/// Critical questions not at their full point.
pub fn failed_critical(lang: Lang, level: &str, ids: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{level} : question(s) critique(s) sans tous leurs points : {ids}. Le niveau ne peut pas être atteint sans elles."
        ),
        Lang::En => format!(
            "{level}: critical question(s) not at their full point: {ids}. The level cannot be achieved without them."
        ),
    }
}

/// No question of the level applies.
pub fn no_applicable(lang: Lang, level: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{level} : aucune question ne s'applique (toutes « non applicable ») : le niveau ne peut pas être atteint."
        ),
        Lang::En => format!(
            "{level}: no question applies (all “not applicable”): the level cannot be achieved."
        ),
    }
}

/// A level achieved above a failed lower level.
pub fn imbalanced(lang: Lang, levels: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{levels} : atteint, mais ne compte pas tant que les niveaux inférieurs ne le sont pas."
        ),
        Lang::En => {
            format!("{levels}: achieved, but it does not count until the levels below are.")
        }
    }
}

/// The provisional warning with each track's completeness.
pub fn completeness_line(lang: Lang, track: &str, value: &str) -> String {
    match lang {
        Lang::Fr => format!("{track} : {value} des questions ont une réponse"),
        Lang::En => format!("{track}: {value} of the questions answered"),
    }
}

/// "3 knowledge gaps", "2 answers without evidence".
pub fn count_of(lang: Lang, n: u32, what: K) -> String {
    match lang {
        Lang::Fr => format!("{} : {n}", what.get(lang)),
        Lang::En => format!("{}: {n}", what.get(lang)),
    }
}

/// The accessible description of a profile chart.
pub fn chart_description(lang: Lang, track: &str, parts: &[String], threshold: &str) -> String {
    match lang {
        Lang::Fr => format!("Profil {track} : {}. Seuil {threshold}.", parts.join(" ; ")),
        Lang::En => format!(
            "{track} profile: {}. Threshold {threshold}.",
            parts.join("; ")
        ),
    }
}

/// "N/A steps hidden" etc.: how many steps more.
pub fn more_steps(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("{} ({n} de plus)", K::ShowAllSteps.get(lang)),
        Lang::En => format!("{} ({n} more)", K::ShowAllSteps.get(lang)),
    }
}

/// "Compared with <name>".
pub fn compared_with(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Comparée avec : {name}"),
        Lang::En => format!("Compared with: {name}"),
    }
}

/// The context read by screen readers after a control's visible label: "Q01, child labour".
pub fn answer_context(question: &str, track: &str) -> String {
    format!("{question}, {track}")
}

/// The questions two versions of a grid share, and those whose answer changed.
pub fn shared_questions(lang: Lang, count: usize, changed: &[String]) -> String {
    let list = if changed.is_empty() {
        lang.pick("aucune réponse modifiée", "no answer changed")
            .to_string()
    } else {
        format!(
            "{}{}",
            lang.pick("réponses modifiées : ", "answers changed: "),
            changed.join(", ")
        )
    };
    match lang {
        Lang::Fr => format!("Questions communes aux deux versions : {count} ; {list}."),
        Lang::En => format!("Questions both versions share: {count}; {list}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        for k in K::ALL {
            for lang in Lang::ALL {
                assert!(!k.get(lang).trim().is_empty(), "{k:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent(Lang::En, 83.3), "83.3%");
        assert_eq!(percent(Lang::Fr, 83.3), "83,3\u{a0}%");
    }
}

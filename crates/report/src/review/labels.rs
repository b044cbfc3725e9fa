//! Every text a reader of the campaign review sees, in French and in English, in one table —
//! and the warnings and targets-file errors given to its author.
//!
//! Texts that take values carry numbered placeholders (`{0}`, `{1}`…) filled by [`L::fill`]; the
//! French and the English of a label always take the same placeholders (a test checks it).
//! Grid texts (level names, question texts, recommendations) come from the questionnaire, and
//! company texts from the answer sheets: neither lives here.

use crate::text::{Lang, Text};

macro_rules! labels {
    ($($name:ident => ($fr:expr, $en:expr),)*) => {
        /// A text of the review.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum L { $($name,)* }

        impl L {
            /// Every label (for the consistency test).
            #[cfg(test)]
            pub(crate) const ALL: &'static [L] = &[$(L::$name,)*];

            /// The French and the English.
            pub(crate) fn pair(self) -> (&'static str, &'static str) {
                match self { $(L::$name => ($fr, $en),)* }
            }
        }
    };
}

labels! {
    // The document and its cover.
    DocTitle => ("Revue de campagne", "Campaign review"),
    DocSubtitle => (
        "Prévention du travail des enfants et du travail forcé dans les chaînes de valeur",
        "Preventing child labour and forced labour in value chains"
    ),
    AnonymisedEdition => (
        "Édition anonymisée : aucune entreprise n'est nommée, les secteurs de moins de 3 entreprises sont regroupés.",
        "Anonymised edition: no company is named, and sectors of fewer than 3 companies are grouped together."
    ),
    CoverCampaign => ("Campagne", "Campaign"),
    CoverPrevious => ("Campagne précédente", "Previous campaign"),
    CoverGrid => ("Grille", "Grid"),
    CoverCompanies => ("Entreprises évaluées", "Companies assessed"),
    CoverDate => ("Date", "Date"),
    CoverEvidence => ("Mode de preuve", "Evidence mode"),
    PeriodNotStated => ("période non précisée", "period not stated"),
    Provenance => (
        "Les quatre niveaux de maturité et leurs noms viennent de la méthode co-construite par l'ONG RHSF avec la coalition d'investisseurs du FIR. Les questions, le seuil et les recommandations sont propres à Vigilance : ils ne sont ni validés ni approuvés par RHSF ou le FIR.",
        "The four maturity levels and their names come from the method that the NGO RHSF co-built with the FIR investor coalition. The questions, the threshold and the recommendations are Vigilance's own and are not endorsed by RHSF or the FIR."
    ),

    // Key figures.
    SecKeyFigures => ("Chiffres clés", "Key figures"),
    OutOf => ("sur {0}", "of {0}"),
    TileCompanies => ("entreprises évaluées", "companies assessed"),
    TileAtLeastN2 => (
        "au niveau global N2 ou au-delà (engagement exprimé)",
        "at headline level N2 or above (expressed commitment)"
    ),
    TileAnyN0 => ("avec au moins un volet au niveau N0", "with at least one track at N0"),
    TileProvisional => (
        "résultats provisoires (fiche incomplète)",
        "provisional results (incomplete sheet)"
    ),
    TileMovedUp => (
        "en progrès depuis {0} (niveau global)",
        "moved up since {0} (headline level)"
    ),
    TileMovedDown => (
        "en recul depuis {0} (niveau global)",
        "moved down since {0} (headline level)"
    ),
    TileMeanIndex => ("indice indicatif moyen, {0}", "mean indicative index, {0}"),
    TileTargets => (
        "objectifs atteints ou en bonne voie",
        "targets reached or on track"
    ),

    // Level distribution.
    SecDistribution => ("Répartition des entreprises par niveau", "Companies per level"),
    DistributionIntro => (
        "Nombre d'entreprises à chaque niveau de maturité, pour chaque volet et pour le niveau global (le plus bas des deux volets).",
        "Number of companies at each maturity level, for each track and for the headline level (the lower of the two tracks)."
    ),
    Headline => ("Niveau global", "Headline level"),
    LevelsLegend => ("Niveaux :", "Levels:"),

    // Transitions.
    SecTransitions => ("Évolution depuis la campagne précédente", "Change since the previous campaign"),
    TransitionsIntro => (
        "Entreprises présentes dans les deux campagnes : {0} (rapprochées par identifiant, sinon par nom) ; nouvelles entreprises : {1}. Chaque tableau croise le niveau de {2} (en ligne) et celui de {3} (en colonne) ; la diagonale compte les entreprises restées au même niveau.",
        "Companies in both campaigns: {0} (matched by identifier, else by name); new companies: {1}. Each table crosses the level in {2} (rows) with the level in {3} (columns); the diagonal counts the companies that stayed at the same level."
    ),
    TransitionsOtherGrid => (
        "Entreprises évaluées lors de la campagne précédente sur une autre grille, donc non comparées : {0}.",
        "Companies assessed in the previous campaign on another grid, and so not compared: {0}."
    ),
    TransitionsNone => (
        "Aucune entreprise de cette campagne ne figure dans la campagne précédente : pas de comparaison.",
        "No company of this campaign appears in the previous one: there is nothing to compare."
    ),
    FigMovement => (
        "Entreprises en progrès, stables ou en recul, par volet",
        "Companies that moved up, stayed or moved down, per track"
    ),
    MovedUp => ("en progrès", "moved up"),
    Stayed => ("stables", "stayed"),
    MovedDown => ("en recul", "moved down"),
    TransitionCorner => ("{0} ↓ · {1} →", "{0} ↓ · {1} →"),

    // Themes.
    SecThemes => ("Scores par thème", "Theme scores"),
    ThemesIntro => (
        "Score de chaque thème en %, sur toutes les questions du thème, par volet. Case vide : aucune question applicable.",
        "Score of each theme in %, over all the theme's questions, per track. Empty cell: no applicable question."
    ),
    ThemesIntroAnonymised => (
        "Moyenne, par secteur, des scores de thème des entreprises, en %, par volet. Case vide : aucune question applicable.",
        "Mean of the companies' theme scores per sector, in %, per track. Empty cell: no applicable question."
    ),
    FigHeatmap => ("Scores par thème — {0}", "Theme scores — {0}"),
    ThemesLegend => ("Thèmes :", "Themes:"),
    Company => ("Entreprise", "Company"),
    Sector => ("Secteur", "Sector"),

    // Sectors.
    SecSectors => ("Vue par secteur", "Sector view"),
    SectorsByNace => (
        "Secteurs selon la section NACE déclarée par les entreprises ; à défaut, selon le secteur qu'elles décrivent.",
        "Sectors by the NACE section the companies state; failing that, by the sector they describe."
    ),
    SectorsByText => (
        "Secteurs tels que les entreprises les décrivent (aucune n'indique de code NACE).",
        "Sectors as the companies describe them (none states a NACE code)."
    ),
    SectorsMerged => (
        "Les secteurs de moins de 3 entreprises sont regroupés sous « Autres secteurs ».",
        "Sectors of fewer than 3 companies are grouped under “Other sectors”."
    ),
    OtherSectors => ("Autres secteurs", "Other sectors"),
    SectorNotStated => ("Secteur non précisé", "Sector not stated"),
    NaceSection => ("NACE {0} — {1}", "NACE {0} — {1}"),
    Nace => ("NACE", "NACE"),
    Buyer => ("Donneur d'ordre", "Buyer"),
    Tier => ("Rang", "Tier"),
    ColCompanies => ("Entreprises", "Companies"),
    ColMeanIndex => ("Indice moyen, {0}", "Mean index, {0}"),

    // Blocking critical questions.
    SecBlocking => (
        "Questions critiques qui bloquent le plus souvent un niveau",
        "Critical questions that most often block a level"
    ),
    BlockingIntro => (
        "Nombre d'entreprises pour lesquelles la question critique n'obtient pas son point entier au niveau juste au-dessus du leur : elle les empêche, à elle seule, d'atteindre ce niveau.",
        "Number of companies for which the critical question does not score its full point at the level just above theirs: on its own, it keeps them from reaching that level."
    ),
    BlockingNone => (
        "Aucune question critique ne bloque d'entreprise.",
        "No critical question blocks any company."
    ),
    ColQuestion => ("Question", "Question"),
    ColLevel => ("Niveau", "Level"),

    // Next steps.
    SecNextSteps => ("Prochaines étapes les plus fréquentes", "Most common next steps"),
    NextStepsIntro => (
        "Nombre d'entreprises qui ont la question parmi leurs {0} premières étapes sur au moins un volet (étapes classées comme dans la méthode : questions critiques du niveau suivant, puis ses autres questions, puis les niveaux déjà atteints).",
        "Number of companies that have the question among their first {0} steps on at least one track (steps ordered as in the method: critical questions of the next level, then its other questions, then the levels already achieved)."
    ),
    NextStepsNone => (
        "Aucune étape : chaque question obtient son point entier.",
        "No step: every question scores its full point."
    ),
    ColRecommendation => ("Recommandation", "Recommendation"),

    // Targets.
    SecTargets => ("Objectifs d'engagement", "Engagement targets"),
    TargetsIntro => (
        "Niveau visé par les investisseurs pour chaque entreprise, avec son échéance. Atteint : le niveau actuel est au moins celui visé. En bonne voie : pas encore atteint, l'échéance est postérieure à la campagne, il reste au plus un niveau à gagner par année d'ici l'échéance, et le niveau n'a pas reculé depuis la campagne précédente. En retard : tous les autres cas.",
        "The level investors expect of each company, with its deadline. Reached: the current level is at least the target. On track: not reached yet, the deadline is later than the campaign, at most one level a year remains to be gained until the deadline, and the level has not dropped since the previous campaign. Behind: every other case."
    ),
    TargetsCounts => (
        "Nombre d'objectifs par statut (les entreprises ne sont pas nommées).",
        "Number of targets per status (companies are not named)."
    ),
    ColTrack => ("Volet", "Track"),
    ColTarget => ("Objectif", "Target"),
    ColDeadline => ("Échéance", "Deadline"),
    ColCurrent => ("Niveau actuel", "Current level"),
    ColStatus => ("Statut", "Status"),
    ColTotal => ("Total", "Total"),
    Reached => ("atteint", "reached"),
    OnTrack => ("en bonne voie", "on track"),
    Behind => ("en retard", "behind"),
    BehindDeadline => ("échéance atteinte", "deadline reached"),
    BehindPace => (
        "plus d'un niveau par an encore nécessaire",
        "more than one level a year still needed"
    ),
    BehindDropped => ("recul depuis la campagne précédente", "dropped since the previous campaign"),

    // Regulations (shown only when the grid maps its questions to regulations).
    SecRegulations => ("Couverture réglementaire", "Regulation coverage"),
    RegulationsGrid => ("Grille {0} — {1}.", "Grid {0} — {1}."),
    ColFramework => ("Cadre", "Framework"),
    ColRequirements => ("Exigences", "Requirements"),
    ColCovered => ("Couvertes — {0}", "Covered — {0}"),
    ColRequirement => ("Exigence", "Requirement"),
    RegulationsLegend => ("Entreprises, dans chaque case :", "Companies, in each cell:"),
    RegulationsNotCovered => (
        "« — » : exigence non couverte pour ce volet.",
        "“—”: requirement not covered for this track."
    ),
    RegulationsUncovered => (
        "Exigences que la grille ne couvre pas : {0}.",
        "Requirements the grid does not cover: {0}."
    ),
    CompanyCoverageTitle => (
        "Couverture réglementaire (exigences)",
        "Regulation coverage (requirements)"
    ),
    MethodFrameworks => ("Cadres de la couverture réglementaire", "Frameworks of the regulation coverage"),
    ColCitation => ("Référence", "Citation"),

    // Grids and versions.
    CoverGrids => ("Grilles", "Grids"),
    CompaniesOne => ("{0} entreprise", "{0} company"),
    CompaniesMany => ("{0} entreprises", "{0} companies"),
    GridPart => ("{0} ({1}) — {2}", "{0} ({1}) — {2}"),
    GridPartIntro => (
        "Les chiffres qui suivent ne portent que sur les entreprises évaluées avec cette grille : les niveaux de grilles différentes ne sont jamais mêlés.",
        "The figures that follow cover only the companies assessed with this grid: levels of different grids are never mixed."
    ),
    GridVersionsNote => (
        "Les chiffres de cette partie réunissent plusieurs versions de la grille {0} : {1}. Les niveaux se comparent d'une version à l'autre ; l'indice et les scores de thème de chaque entreprise sont calculés sur les questions de sa version ; les questions sont nommées par leur identifiant dans la version {2}.",
        "The figures of this part combine several versions of grid {0}: {1}. Levels compare across versions; each company's index and theme scores are computed on the questions of its own version; questions are named by their id in version {2}."
    ),
    TransitionsAcrossVersions => (
        "Certaines entreprises ont été évaluées sur une autre version de la grille lors de la campagne précédente. Comme le prévoit la méthode, la comparaison entre versions porte sur les niveaux, et, question par question, sur les seules questions communes aux deux versions.",
        "Some companies were assessed on another version of the grid in the previous campaign. As the method provides, comparisons across versions compare levels and, question by question, only the questions both versions share."
    ),
    MethodGrids => (
        "Une entreprise n'est comparée à la campagne précédente que si ses deux fiches relèvent de la même grille (quelle qu'en soit la version) ; les chiffres de grilles différentes sont présentés séparément.",
        "A company is compared with the previous campaign only when both its sheets use the same grid (in any version); figures of different grids are shown separately."
    ),

    // Company pages.
    LabelValue => ("{0} : {1}", "{0}: {1}"),
    CompanyCountry => ("Pays", "Country"),
    CompanyId => ("Identifiant", "Identifier"),
    Provisional => (
        "Résultat provisoire : fiche complète à {0} %.",
        "Provisional result: the sheet is {0}% complete."
    ),
    FigProfile => (
        "Profil : score de chaque niveau, par volet",
        "Profile: score of each level, per track"
    ),
    ThresholdMark => ("seuil {0} %", "threshold {0}%"),
    PreviousMark => ("{0}", "{0}"),
    WhyNotHigher => ("Pourquoi pas plus haut", "Why not higher"),
    TopLevelReached => (
        "{0} : le niveau le plus élevé (N4) est atteint.",
        "{0}: the highest level (N4) is achieved."
    ),
    NotAchievedScore => (
        "{0} : {1} n'est pas atteint — score de {2} % pour un seuil de {3} %.",
        "{0}: {1} is not achieved — a score of {2}% against a threshold of {3}%."
    ),
    NotAchievedBoth => (
        "{0} : {1} n'est pas atteint — score de {2} % pour un seuil de {3} %, et des questions critiques n'ont pas leur point entier : {4}.",
        "{0}: {1} is not achieved — a score of {2}% against a threshold of {3}%, and critical questions lack their full point: {4}."
    ),
    NotAchievedCritical => (
        "{0} : {1} n'est pas atteint — le score de {2} % atteint le seuil, mais des questions critiques n'ont pas leur point entier : {3}.",
        "{0}: {1} is not achieved — the score of {2}% reaches the threshold, but critical questions lack their full point: {3}."
    ),
    NotAchievedEmpty => (
        "{0} : {1} n'est pas atteint — aucune question de ce niveau ne s'applique.",
        "{0}: {1} is not achieved — no question of this level applies."
    ),
    Imbalanced => (
        "{0} : {1} atteint au-dessus d'un niveau manqué, ce qui ne compte pas.",
        "{0}: {1} achieved above a missed level, which does not count."
    ),
    TopNextSteps => ("Prochaines étapes", "Next steps"),
    Critical => ("critique", "critical"),
    PreviousLevel => ("en {0} : {1} ({2})", "in {0}: {1} ({2})"),
    IndexNow => ("indice indicatif {0}", "indicative index {0}"),
    IndexWas => ("indice indicatif {0} (en {1} : {2})", "indicative index {0} (in {1}: {2})"),
    NotInPrevious => (
        "Cette entreprise ne figure pas dans la campagne précédente.",
        "This company is not in the previous campaign."
    ),
    PreviousOnOtherGrid => (
        "Lors de la campagne précédente ({0}), cette entreprise a été évaluée sur une autre grille ({1}) : ses niveaux ne sont pas comparés.",
        "In the previous campaign ({0}), this company was assessed on another grid ({1}): its levels are not compared."
    ),
    ChangeUp => ("↑ en progrès", "↑ up"),
    ChangeSame => ("= stable", "= same"),
    ChangeDown => ("↓ en recul", "↓ down"),
    CompanyTargets => ("Objectifs", "Targets"),

    // Method annex.
    SecMethod => ("Annexe : la méthode", "Annex: the method"),
    MethodLevels => ("Les quatre niveaux", "The four levels"),
    MethodRuleTitle => ("La règle", "The rule"),
    MethodRule => (
        "Pour chaque volet (travail des enfants, travail forcé) et chaque niveau, le score est la part des points obtenus sur les questions du niveau qui s'appliquent au volet, les réponses « non applicable » justifiées étant retirées du dénominateur : oui vaut 1 point, partiellement 0,5, non et ne sait pas 0, une question sans réponse 0. Un niveau est atteint quand son score atteint le seuil de {0} % et que chaque question critique du niveau obtient son point entier. Le niveau de maturité d'un volet est le plus haut niveau N tel que les niveaux 1 à N sont tous atteints (N0 si le niveau 1 ne l'est pas) ; un niveau atteint au-dessus d'un niveau manqué est signalé mais ne compte pas. Le niveau global d'une entreprise est le plus bas de ses deux volets. Les comparaisons au seuil sont exactes ; les pourcentages affichés sont arrondis à une décimale.",
        "For each track (child labour, forced labour) and each level, the score is the share of points earned on the level's questions that apply to the track, justified “not applicable” answers being left out of the denominator: yes earns 1 point, partially 0.5, no and don't know 0, an unanswered question 0. A level is achieved when its score reaches the threshold of {0}% and every critical question of the level scores its full point. A track's maturity level is the highest level N such that levels 1 to N are all achieved (N0 if level 1 is not); a level achieved above a missed level is flagged but does not count. A company's headline level is the lower of its two tracks. Threshold comparisons are exact; percentages are shown rounded to one decimal."
    ),
    MethodThreshold => ("Seuil : {0} %.", "Threshold: {0}%."),
    MethodEvidence => ("Mode de preuve : {0}.", "Evidence mode: {0}."),
    MethodDeclarative => (
        "En mode déclaratif, les réponses comptent telles que déclarées.",
        "In declarative mode, answers count as declared."
    ),
    MethodSubstantiated => (
        "En mode étayé, un « oui » sans preuve compte 0,5 point et un « partiellement » sans preuve 0,25.",
        "In substantiated mode, a “yes” without evidence counts 0.5 point and a “partially” without evidence 0.25."
    ),
    MethodIndex => (
        "L'indice indicatif pondère les scores des niveaux 1 à 4 par 1, 2, 3 et 4 ; il sert à classer des entreprises dans un portefeuille et ne remplace jamais le niveau. Un résultat est provisoire tant qu'une question reste sans réponse.",
        "The indicative index weights the scores of levels 1 to 4 by 1, 2, 3 and 4; it serves to sort companies within a portfolio and never replaces the level. A result is provisional while any question is unanswered."
    ),
    MethodMatching => (
        "D'une campagne à l'autre, les entreprises sont rapprochées par leur identifiant, sinon par leur nom (sans tenir compte des majuscules ni des espaces). Une entreprise présente deux fois pour la même période n'est comptée qu'une fois.",
        "Across campaigns, companies are matched by their identifier, else by their name (ignoring case and spacing). A company given twice for the same period is counted once."
    ),
    MethodAnonymised => (
        "Cette édition ne contient ni nom, ni identifiant, ni aucun texte fourni par les entreprises (commentaires, preuves, justifications) ; les secteurs de moins de 3 entreprises sont regroupés pour qu'aucune ne puisse être reconnue.",
        "This edition holds no company name, identifier or any text supplied by the companies (comments, evidence, justifications); sectors of fewer than 3 companies are grouped so that none can be recognised."
    ),
    MethodProvenanceTitle => ("Provenance", "Provenance"),
    MethodGenerated => ("Produit par {0} le {1}.", "Made by {0} on {1}."),
    ColCode => ("Code", "Code"),

    // Warnings for the author of the review (standard error, not in the review).
    WarnDuplicate => (
        "{0} et {1} portent la même entreprise (« {2} ») pour la même période ({3}) : elle n'est comptée qu'une fois, avec {1} ; retirez le doublon",
        "{0} and {1} hold the same company (“{2}”) for the same period ({3}): it is counted once, from {1}; remove the duplicate"
    ),
    WarnTargetWithoutCompany => (
        "{0}, ligne {1} : aucune entreprise de la campagne n'a pour identifiant ou pour nom « {2} » ; l'objectif est ignoré (vérifiez l'orthographe ou l'identifiant)",
        "{0}, line {1}: no company of the campaign has “{2}” as identifier or name; the target is ignored (check the spelling or the identifier)"
    ),
    WarnFewOnGrid => (
        "dans la revue anonymisée, moins de 3 entreprises ({1}) sont évaluées avec la grille {0} : ses chiffres sont ceux de chacune ; attendez d'en avoir au moins 3 pour la publier",
        "in the anonymised review, fewer than 3 companies ({1}) are assessed on grid {0}: its figures are each company's own; wait until there are at least 3 before publishing it"
    ),
    WarnFewCompanies => (
        "la revue anonymisée porte sur moins de 3 entreprises ({0}) : ses chiffres sont ceux de chacune ; attendez d'en avoir au moins 3 pour la publier",
        "the anonymised review covers fewer than 3 companies ({0}): its figures are each company's own; wait until there are at least 3 before publishing it"
    ),

    // Errors in a targets file (each given with the file and the line).
    TargetHeaderUnreadable => ("ligne d'en-tête illisible ({0})", "the header row cannot be read ({0})"),
    TargetFileEmpty => (
        "le fichier est vide : il faut une ligne d'en-tête (company, track, target, deadline) puis une ligne par objectif",
        "the file is empty: it needs a header row (company, track, target, deadline), then one row per target"
    ),
    TargetHeaderColumns => (
        "la ligne d'en-tête doit nommer les colonnes company (ou entreprise), track (ou volet), target (ou objectif) et deadline (ou échéance) ; trouvé : {0}",
        "the header row must name the columns company, track, target and deadline (or entreprise, volet, objectif, échéance); found: {0}"
    ),
    TargetRowUnreadable => ("ligne illisible ({0})", "the row cannot be read ({0})"),
    TargetCompanyMissing => (
        "l'entreprise manque : donnez son identifiant ou son nom",
        "the company is missing: give its identifier or its name"
    ),
    TargetBadTrack => (
        "volet inconnu « {0} » : écrivez CL (travail des enfants), FL (travail forcé) ou global (niveau global)",
        "unknown track “{0}”: write CL (child labour), FL (forced labour) or headline (the headline level)"
    ),
    TargetBadLevel => (
        "niveau visé invalide « {0} » : écrivez N1, N2, N3 ou N4",
        "invalid target level “{0}”: write N1, N2, N3 or N4"
    ),
    TargetBadDeadline => (
        "échéance invalide « {0} » : écrivez une année (2027) ou une date (2027-06-30)",
        "invalid deadline “{0}”: write a year (2027) or a date (2027-06-30)"
    ),
    TargetDuplicate => (
        "objectif en double : la ligne {0} fixe déjà un objectif à « {1} » pour ce volet ; gardez-en un seul",
        "duplicate target: line {0} already sets a target for “{1}” on this track; keep only one"
    ),
    ColDefinition => ("Définition", "Definition"),

    // ----- issue 18 -----
    CovIntro => (
        "Pour chaque cadre, sa nature et combien de ses exigences les questions de la grille couvrent, par volet ; puis, pour chaque exigence couverte, combien d'entreprises se trouvent dans chaque cas de la règle de couverture de la méthode : toutes les réponses liées au niveau attendu, une partie des points, aucun point, réponses manquantes (ce qui compte les entreprises qui n'ont pas encore répondu), non évaluée (réponses liées toutes « sans objet », ou exigence suspendue). Les indicateurs, instruments et règles sur les produits n'ont pas de statut : les réponses liées éclairent le texte.",
        "For each framework, its kind and how many of its requirements the grid's questions cover, per track; then, for each covered requirement, how many companies fall in each case of the method's coverage rule: all linked answers at full point, some points, no points, not all answered (which counts the companies that have not answered yet), not assessed (linked answers all \"not applicable\", or the requirement suspended). Indicators, instruments and product rules have no status: the linked answers inform the text."
    ),
    ColKind => ("Nature", "Kind"),
    ColNote => ("Note", "Note"),
    CovInformsCell => ("réponses : {0} ; {1} avec preuve", "answers: {0}; {1} with evidence"),
    CovCohortFigures => (
        "{0} réponses liées données, dont {1} avec preuve",
        "{0} linked answers given, {1} with evidence"
    ),
    CovCompanyInforms => (
        "éclaire le texte : {0} sur {1} réponses liées données",
        "informs the text: {0} of {1} linked answers given"
    ),
    CovNotOpinion => (
        "C'est une information, non un avis juridique.",
        "Information, not a legal opinion."
    ),
    CompanyHeavyNa => (
        "Beaucoup de « sans objet » : {0} — plus d'un quart du poids des questions du niveau est répondu « sans objet » (avertissement, le score n'en est pas modifié).",
        "Many answers \"not applicable\": {0} — more than a quarter of the level's question weight is answered not applicable (a warning; the score is unchanged)."
    ),
    NotAchievedTooManyNa => (
        "{0} : {1} n'est pas atteint — trop de questions « sans objet » : {2} % du poids du niveau s'applique, moins que le minimum de {3} % de la grille.",
        "{0}: {1} is not achieved — too many questions answered not applicable: {2}% of the level's weight applies, under the grid's minimum of {3}%."
    ),
    TileHeavyNa => (
        "avec beaucoup de « sans objet » (plus d'un quart d'un niveau, avertissement)",
        "with many answers not applicable (over a quarter of a level, a warning)"
    ),
    AnnexNotes => (
        "Notes des exigences et des correspondances",
        "Notes on requirements and mappings"
    ),
    AnnexNotesIntro => (
        "Ce que la grille dit de chaque exigence et de chaque question qui lui est liée : changements en cours du texte, exigences suspendues, limites d'une correspondance, et où l'exigence de la grille se situe par rapport au texte.",
        "What the grid says of each requirement and of each question linked to it: pending changes to the text, suspended requirements, the limits of a mapping, and where the grid's bar sits against the text."
    ),
}

impl L {
    /// The text in `lang`, with French typography (a non-breaking space before `:`, `;`, `%`,
    /// `?`, `!` and inside « »).
    pub(crate) fn get(self, lang: Lang) -> String {
        let (fr, en) = self.pair();
        match lang {
            Lang::Fr => french_spacing(fr),
            Lang::En => en.to_string(),
        }
    }

    /// The text in both languages with `{0}`, `{1}`… replaced by `args`.
    pub(crate) fn text(self, args: &[&str]) -> Text {
        Text::new(self.fill(Lang::Fr, args), self.fill(Lang::En, args))
    }

    /// The text in `lang` with `{0}`, `{1}`… replaced by `args`.
    pub(crate) fn fill(self, lang: Lang, args: &[&str]) -> String {
        // One pass, so that a value holding `{1}` is never itself filled.
        let template = self.get(lang);
        let mut out = String::with_capacity(template.len());
        let mut rest = template.as_str();
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start..];
            let arg = after
                .get(1..3)
                .filter(|s| s.ends_with('}'))
                .and_then(|s| s[..1].parse::<usize>().ok())
                .and_then(|i| args.get(i));
            match arg {
                Some(a) => {
                    out.push_str(a);
                    rest = &after[3..];
                }
                None => {
                    out.push('{');
                    rest = &after[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// French text with the spaces that must not break (before `:`, `;`, `%`, `?`, `!`, inside
/// « ») made non-breaking, so that a line never starts with one of those signs.
pub(crate) fn french_spacing(s: &str) -> String {
    s.replace(" :", "\u{a0}:")
        .replace(" ;", "\u{a0};")
        .replace(" %", "\u{a0}%")
        .replace(" ?", "\u{a0}?")
        .replace(" !", "\u{a0}!")
        .replace("« ", "«\u{a0}")
        .replace(" »", "\u{a0}»")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<usize> {
        let mut v: Vec<usize> = (0..10)
            .filter(|i| s.contains(&format!("{{{i}}}")))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_label_exists_in_both_languages_with_the_same_placeholders() {
        for l in L::ALL {
            let (fr, en) = l.pair();
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{l:?}");
            assert_eq!(placeholders(fr), placeholders(en), "{l:?}");
        }
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(L::OutOf.fill(Lang::Fr, &["7"]), "sur 7");
        assert_eq!(
            L::LabelValue.fill(Lang::En, &["{1}", "x"]),
            "{1}: x",
            "a value is never filled"
        );
        assert_eq!(
            L::MethodThreshold.fill(Lang::Fr, &["70"]),
            "Seuil\u{a0}: 70\u{a0}%."
        );
        assert_eq!(L::ThresholdMark.fill(Lang::En, &["70"]), "threshold 70%");
    }
}

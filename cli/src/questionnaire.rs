//! `vigilance questionnaire`: the grid as a readable table in the chosen language (`show`, with
//! its provenance and, with `--mappings`, its regulation coverage), the built-in grids and their
//! versions (`list`), and the JSON Schemas of the file formats (`schema`).

use crate::args::{
    ListArgs, QuestionnaireAction, QuestionnaireArgs, SchemaArgs, SchemaKind, ShowArgs,
};
use crate::fatal::Fatal;
use crate::output::{Target, write_to};
use std::process::ExitCode;
use vigilance_core::coverage::{
    disclaimer, framework_counts, grid_coverage, kind_label, requirement_bars, requirement_notes,
};
use vigilance_core::messages::colon;
use vigilance_core::{Cli, Lang, Level, Msg, Questionnaire, Track, registry};

/// Runs `vigilance questionnaire`.
pub fn run(args: &QuestionnaireArgs) -> Result<ExitCode, Fatal> {
    match &args.action {
        None => show(&ShowArgs {
            questionnaire: None,
            lang: Default::default(),
            width: 100,
            mappings: false,
        }),
        Some(QuestionnaireAction::Show(a)) => show(a),
        Some(QuestionnaireAction::List(a)) => list(a),
        Some(QuestionnaireAction::Schema(a)) => schema(a),
    }
}

fn show(args: &ShowArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    let q = crate::grid::load_for_new(args.questionnaire.as_deref(), lang)?;
    let mut table = render_table(q, lang, usize::from(args.width));
    if args.mappings {
        table.push_str(&render_mappings(q, lang, usize::from(args.width)));
    }
    write_to(&Target::Stdout, lang, |w| w.write_all(table.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

fn list(args: &ListArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    let text = render_list(lang);
    write_to(&Target::Stdout, lang, |w| w.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// The built-in grids, one line each: `id@version`, questions per track, title, and which is
/// the default for new assessments.
pub fn render_list(lang: Lang) -> String {
    let default = registry::default_grid();
    let mut out = format!("{}\n", Cli::GridList.text(lang));
    for q in registry::builtin_grids() {
        let name = format!("{}@{}", q.id, q.version);
        let counts = q
            .track_codes()
            .iter()
            .map(|t| {
                let n: usize = Level::ALL
                    .into_iter()
                    .map(|l| q.questions_of(*t, l).count())
                    .sum();
                format!("{t} {n}")
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mark = if std::ptr::eq(q, default) {
            format!(" {}", Cli::GridDefault.text(lang))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {name:<20} {counts:<12} {}{mark}\n",
            q.title.get(lang)
        ));
    }
    out
}

/// For each framework of the grid: its citation, notes and kind (with, for a kind that only
/// informs, why it has no status), then each requirement with the questions mapped to it per
/// track, or "not covered", followed by the grid's notes on it (the requirement's, a suspended
/// requirement's, each mapping's) and where the grid's bar sits against the text; and the
/// coverage counts.
pub fn render_mappings(q: &Questionnaire, lang: Lang, width: usize) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: &str, indent: usize| {
        for l in wrap(text, width.saturating_sub(indent).max(20)) {
            out.push_str(&" ".repeat(indent));
            out.push_str(&l);
            out.push('\n');
        }
    };
    out.push('\n');
    let heading = Cli::CoverageTitle.text(lang);
    out.push_str(heading);
    out.push('\n');
    out.push_str(&"=".repeat(heading.chars().count()));
    out.push('\n');
    line(&mut out, disclaimer(lang), 0);
    if q.frameworks.is_empty() {
        out.push('\n');
        line(&mut out, Cli::CoverageNone.text(lang), 0);
        return out;
    }
    let map = grid_coverage(q);
    let counts: Vec<_> = q
        .track_codes()
        .iter()
        .map(|t| (*t, framework_counts(q, *t)))
        .collect();
    let not_covered = Msg::CoverageNotCovered.text(lang);
    for (fi, f) in q.frameworks.iter().enumerate() {
        out.push('\n');
        let title = format!("{} · {}", f.id, f.name.get(lang));
        out.push_str(&title);
        out.push('\n');
        out.push_str(&"-".repeat(title.chars().count()));
        out.push('\n');
        line(&mut out, f.citation.get(lang), 0);
        if let Some(n) = &f.note {
            line(
                &mut out,
                &format!("{} {}", Cli::Note.text(lang), n.get(lang)),
                0,
            );
        }
        let mut kind = format!("{} {}", Msg::CovKind.text(lang), kind_label(f.kind, lang));
        if !f.kind.has_status() {
            kind.push_str(" — ");
            kind.push_str(Msg::CovInformsNote.text(lang));
        }
        line(&mut out, &kind, 0);
        let summary = counts
            .iter()
            .map(|(t, c)| format!("{t} {}/{}", c[fi].covered, c[fi].total))
            .collect::<Vec<_>>()
            .join(" · ");
        line(
            &mut out,
            &format!("{} {summary}", Cli::RequirementsCovered.text(lang)),
            0,
        );
        for r in map.iter().filter(|r| r.framework == fi) {
            let req = &f.requirements[r.requirement];
            let per_track = q
                .track_codes()
                .iter()
                .map(|t| {
                    let ids: Vec<&str> = r
                        .questions_for(*t)
                        .iter()
                        .map(|&i| q.questions[i].id.as_str())
                        .collect();
                    if ids.is_empty() {
                        format!("{t}{} {not_covered}", colon(lang))
                    } else {
                        format!("{t}{} {}", colon(lang), ids.join(" "))
                    }
                })
                .collect::<Vec<_>>()
                .join(" · ");
            line(
                &mut out,
                &format!(
                    "{} — {} [{per_track}]",
                    req.shown(lang),
                    req.title.get(lang)
                ),
                2,
            );
            for note in requirement_notes(q, r, lang)
                .into_iter()
                .chain(requirement_bars(q, r, lang))
            {
                line(&mut out, &format!("· {note}"), 6);
            }
        }
    }
    out
}

/// The grid as text: a heading per level, then one row per question (id, tracks, theme,
/// critical mark, question text wrapped to `width`).
pub fn render_table(q: &Questionnaire, lang: Lang, width: usize) -> String {
    let mut out = String::new();
    let title = format!("{} ({} {})", q.title.get(lang), q.id, q.version);
    out.push_str(&title);
    out.push('\n');
    out.push_str(&"=".repeat(title.chars().count().min(width)));
    out.push('\n');
    if let Some(p) = &q.provenance {
        for line in wrap(p.get(lang), width) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    let threshold = q.threshold_percent();
    let mut intro = Cli::GridIntro.fill(lang, &[("threshold", &threshold)]);
    if let (Some(limits), Some(min)) = (q.na_limits, q.min_applicable_percent()) {
        let evidence = if limits.evidence_when_substantiated {
            Msg::NaLimitsEvidence
        } else {
            Msg::NaLimitsNoEvidence
        };
        intro.push(' ');
        intro.push_str(&Msg::NaLimitsRule.fill(
            lang,
            &[
                ("grid", &format!("{}@{}", q.id, q.version)),
                ("min", &min),
                ("evidence", &evidence.text(lang)),
            ],
        ));
    }
    for line in wrap(&intro, width) {
        out.push_str(&line);
        out.push('\n');
    }

    let id_w = q
        .questions
        .iter()
        .map(|x| x.id.chars().count())
        .max()
        .unwrap_or(3)
        .max(2);
    let (h_tracks, h_theme, h_crit, h_question) = (
        Cli::GridTracks.text(lang),
        Cli::GridTheme.text(lang),
        Cli::GridCritical.text(lang),
        Cli::GridQuestion.text(lang),
    );
    let theme_w = q
        .themes
        .iter()
        .map(|t| t.id.chars().count())
        .max()
        .unwrap_or(3)
        .max(h_theme.chars().count());
    let tracks_w = h_tracks.chars().count();
    let crit_w = h_crit.chars().count();
    let indent = id_w + tracks_w + theme_w + crit_w + 8;
    let text_w = width.saturating_sub(indent).max(20);

    for level in Level::ALL {
        let questions: Vec<_> = q.questions.iter().filter(|x| x.level == level).collect();
        if questions.is_empty() {
            continue;
        }
        out.push('\n');
        let label = q.level(level).map_or("", |d| d.label.get(lang));
        let heading = format!("{level} · {label}");
        out.push_str(&heading);
        out.push('\n');
        out.push_str(&"-".repeat(heading.chars().count()));
        out.push('\n');
        if let Some(def) = q.level(level) {
            for line in wrap(def.definition.get(lang), width) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
        out.push_str(&format!(
            "{:id_w$}  {:tracks_w$}  {:theme_w$}  {:crit_w$}  {h_question}\n",
            "ID", h_tracks, h_theme, h_crit
        ));
        for question in questions {
            let tracks = Track::ALL
                .into_iter()
                .filter(|t| question.has_track(*t))
                .map(|t| t.code())
                .collect::<Vec<_>>()
                .join(" ");
            let crit = if question.critical { "★" } else { "" };
            let lines = wrap(question.text.get(lang), text_w);
            for (i, line) in lines.iter().enumerate() {
                if i == 0 {
                    out.push_str(&format!(
                        "{:id_w$}  {:tracks_w$}  {:theme_w$}  {:crit_w$}  {line}\n",
                        question.id, tracks, question.theme, crit
                    ));
                } else {
                    out.push_str(&format!("{:indent$}{line}\n", ""));
                }
            }
        }
    }
    out.push('\n');
    let counts = q
        .track_codes()
        .iter()
        .map(|t| {
            let per_level = Level::ALL
                .into_iter()
                .map(|l| format!("{l} {}", q.questions_of(*t, l).count()))
                .collect::<Vec<_>>()
                .join(", ");
            let total: usize = Level::ALL
                .into_iter()
                .map(|l| q.questions_of(*t, l).count())
                .sum();
            format!("{t}{} {total} ({per_level})", colon(lang))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let footer = format!("{} {counts}", Cli::GridPerTrack.text(lang));
    for line in wrap(&footer, width) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Greedy word wrap to `width` characters (a longer word stands alone on its line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let wlen = word.chars().count();
        if len > 0 && len + 1 + wlen > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += wlen;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn schema(args: &SchemaArgs) -> Result<ExitCode, Fatal> {
    let lang = Lang::En;
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            Fatal::new(
                lang,
                Cli::FatalCreateDir,
                &[("path", &crate::platform::shown(dir)), ("error", &e)],
            )
        })?;
        for file in vigilance_core::schema::all() {
            let path = dir.join(file.file_name);
            write_to(&Target::File(path), lang, |w| {
                w.write_all(file.json.as_bytes())
            })?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let json = match args.kind {
        SchemaKind::Answers => vigilance_core::schema::answer_sheet_schema(),
        SchemaKind::Questionnaire => vigilance_core::schema::questionnaire_schema(),
        SchemaKind::Results => vigilance_core::schema::result_schema(),
    };
    write_to(&Target::Stdout, lang, |w| w.write_all(json.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("a bb ccc dd", 6), vec!["a bb", "ccc dd"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(
            wrap("averyverylongword x", 5),
            vec!["averyverylongword", "x"]
        );
    }

    #[test]
    fn table_lists_every_question() {
        let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
        let t = render_table(q, Lang::En, 100);
        for question in &q.questions {
            assert!(
                t.contains(&format!("\n{} ", question.id)),
                "{}",
                question.id
            );
        }
        assert!(t.lines().all(|l| l.chars().count() <= 100));
    }
}

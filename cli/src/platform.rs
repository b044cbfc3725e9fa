//! What the command shows differently on Windows and on Unix: paths as the user's system writes
//! them (`answers\2025\acme.json` on Windows, also when the command joined the parts itself),
//! and the glyphs of the progress bar (plain ASCII where the console's font has no braille
//! spinner or block bar: the Windows console host, the Linux text console, non-UTF-8 locales).
//!
//! What draws the bar is indicatif 0.18 over console 0.16, which already hide it when standard
//! error is not a terminal or `TERM=dumb`, and in the Windows console without VT processing move
//! the cursor and clear lines through the console API instead of ANSI escapes (read in
//! `console/src/windows_term/mod.rs`); our template asks for no colours, so no escape is written
//! there. Each decision here is a pure function of the platform and the environment, so the
//! Windows cases are tested on Linux.

use indicatif::ProgressStyle;
use std::path::Path;

/// A path as the user's system writes it: on Windows with `\` between the parts (Windows accepts
/// `/` too, and a user may type it, but never in a name, so turning it into `\` loses nothing).
pub fn shown(path: &Path) -> String {
    shown_as(&path.to_string_lossy(), cfg!(windows))
}

fn shown_as(path: &str, windows: bool) -> String {
    if windows {
        path.replace('/', "\\")
    } else {
        path.to_string()
    }
}

/// The glyphs a terminal can draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyphs {
    /// indicatif's defaults: a braille spinner and a bar of `█` and `░`.
    Unicode,
    /// `|/-\` and `#>-`: every console font has them.
    Ascii,
}

/// Which glyphs the terminal can draw, from the environment (`var` reads a variable).
fn glyphs(windows: bool, var: impl Fn(&str) -> Option<String>) -> Glyphs {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if windows {
        // Windows Terminal, VS Code's terminal, ConEmu and mintty (Git Bash, which sets TERM)
        // draw Unicode; the console host (cmd.exe and PowerShell in their own window) has no
        // braille in its fonts.
        let modern = set("WT_SESSION")
            || var("TERM_PROGRAM").is_some_and(|p| p == "vscode")
            || var("ConEmuANSI").is_some_and(|v| v == "ON")
            || set("TERM");
        return if modern {
            Glyphs::Unicode
        } else {
            Glyphs::Ascii
        };
    }
    // The Linux text console's fonts have no braille.
    if var("TERM").is_some_and(|t| t == "linux") {
        return Glyphs::Ascii;
    }
    // The locale that decides the terminal's encoding: the first of these that is set.
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()));
    match locale {
        Some(l) if !l.to_ascii_lowercase().replace('-', "").contains("utf8") => Glyphs::Ascii,
        _ => Glyphs::Unicode,
    }
}

/// The progress bar's style from its template, with glyphs this terminal can draw; `None` when
/// the template is invalid (then the bar keeps indicatif's default style).
pub fn progress_style(template: &str) -> Option<ProgressStyle> {
    let style = ProgressStyle::with_template(template).ok()?;
    Some(
        match glyphs(cfg!(windows), |name| std::env::var(name).ok()) {
            Glyphs::Unicode => style,
            Glyphs::Ascii => style.tick_chars("|/-\\ ").progress_chars("#>-"),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn windows_paths_are_shown_with_backslashes() {
        assert_eq!(
            shown_as("answers/2025\\acme.json", true),
            "answers\\2025\\acme.json"
        );
        assert_eq!(
            shown_as("C:/Users/ana/portefeuille.xlsx", true),
            "C:\\Users\\ana\\portefeuille.xlsx"
        );
        assert_eq!(
            shown_as("\\\\serveur\\partage\\a.json", true),
            "\\\\serveur\\partage\\a.json"
        );
        assert_eq!(shown_as("answers/acme.json", false), "answers/acme.json");
    }

    #[test]
    fn the_windows_console_host_gets_ascii_glyphs() {
        assert_eq!(glyphs(true, env(&[])), Glyphs::Ascii);
        assert_eq!(glyphs(true, env(&[("LANG", "fr_FR.UTF-8")])), Glyphs::Ascii);
    }

    #[test]
    fn modern_windows_terminals_get_unicode_glyphs() {
        for vars in [
            &[("WT_SESSION", "0b6f-4c")][..],
            &[("TERM_PROGRAM", "vscode")],
            &[("ConEmuANSI", "ON")],
            &[("TERM", "xterm-256color")],
        ] {
            assert_eq!(glyphs(true, env(vars)), Glyphs::Unicode, "{vars:?}");
        }
    }

    #[test]
    fn unix_glyphs_follow_the_console_and_the_locale() {
        assert_eq!(
            glyphs(
                false,
                env(&[("TERM", "xterm-256color"), ("LANG", "fr_FR.UTF-8")])
            ),
            Glyphs::Unicode
        );
        assert_eq!(glyphs(false, env(&[("TERM", "xterm")])), Glyphs::Unicode);
        assert_eq!(
            glyphs(false, env(&[("TERM", "linux"), ("LANG", "fr_FR.UTF-8")])),
            Glyphs::Ascii
        );
        assert_eq!(
            glyphs(false, env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")])),
            Glyphs::Ascii
        );
        assert_eq!(
            glyphs(false, env(&[("LC_CTYPE", "en_GB.utf8")])),
            Glyphs::Unicode
        );
        assert_eq!(
            glyphs(false, env(&[("LANG", "fr_FR.ISO-8859-15")])),
            Glyphs::Ascii
        );
    }

    #[test]
    fn the_template_is_kept_with_either_glyphs() {
        assert!(progress_style("{spinner} {wide_bar} {pos}/{len}").is_some());
    }
}

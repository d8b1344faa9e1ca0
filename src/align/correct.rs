//! Corrections a curator makes to a document's sentence groups: merge a
//! group with the next, split one in two, or relink a sentence at a group's
//! edge to the group beside it. A correction works on one part (an abstract
//! section, or a translated body's paragraph group), never across two: a
//! group stands for one stretch of each version inside one part, as the
//! alignment file's lines do. Groups are numbered from 1 within their part,
//! sentences within it from 0, as `compare` shows them.
//!
//! A group a curator touched is certain: its confidence becomes 1.

use crate::model::{Division, Lang, Link, PerLang, Unit};

/// One correction of one part's groups.
#[derive(Debug, Clone, PartialEq)]
pub enum Correction {
    /// Group `group` and the one after it become one group.
    Merge { group: usize },
    /// Group `group` becomes the two groups `into`, which between them hold
    /// each of its sentences once, the first's before the second's.
    Split {
        group: usize,
        into: [PerLang<Vec<usize>>; 2],
    },
    /// Sentence `sentence` of `lang`, the first or last of its group, joins
    /// the group `group` beside it. A group left with no sentence is gone.
    Relink {
        lang: Lang,
        sentence: usize,
        group: usize,
    },
}

/// Why a correction was not made; nothing was changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CorrectionError {
    /// The correction does not fit the part's groups.
    #[error("{0}")]
    Misfit(String),
    /// The groups are not those the curator saw: someone changed them since.
    #[error("{0}")]
    Changed(String),
}

fn misfit(message: String) -> CorrectionError {
    CorrectionError::Misfit(message)
}

/// The units whose sentence groups a curator corrects: the abstracts' parts
/// and a translated body's paragraph groups.
pub fn is_correctable(unit: &Unit) -> bool {
    unit.division == Division::Abstract || unit.paragraphs.is_some()
}

/// The unit of part `part`: a paragraph group's id (`u004`), or an abstract
/// section as compare names it (`abstract/results`, `results`).
pub fn find_part<'u>(units: &'u mut [Unit], part: &str) -> Result<&'u mut Unit, CorrectionError> {
    let found = units.iter().position(|u| {
        is_correctable(u)
            && if u.paragraphs.is_some() {
                u.id == part
            } else {
                u.section_path() == part || u.section.name() == part
            }
    });
    match found {
        Some(i) => Ok(&mut units[i]),
        None => {
            let parts: Vec<String> = units
                .iter()
                .filter(|u| is_correctable(u))
                .map(|u| match u.paragraphs {
                    Some(_) => u.id.clone(),
                    None => u.section_path(),
                })
                .collect();
            Err(misfit(format!(
                "no part {part:?}: the parts are {}",
                parts.join(", ")
            )))
        }
    }
}

/// Checks that a part's groups are those the curator saw (`seen`, each
/// group's sentences in order), so that a correction made on a page shown
/// before another one is not applied to groups it was not meant for.
pub fn check_seen(unit: &Unit, seen: &[PerLang<Vec<usize>>]) -> Result<(), CorrectionError> {
    let now: Vec<&PerLang<Vec<usize>>> = unit.links.iter().map(|l| &l.sentences).collect();
    if now.len() != seen.len() || now.iter().zip(seen).any(|(a, b)| *a != b) {
        return Err(CorrectionError::Changed(format!(
            "the groups of {} changed since they were shown: load them again",
            part_name(unit)
        )));
    }
    Ok(())
}

fn part_name(unit: &Unit) -> String {
    match unit.paragraphs {
        Some(_) => format!("{} {}", unit.section_path(), unit.id),
        None => unit.section_path(),
    }
}

/// Makes `correction` to `unit`'s groups, or changes nothing.
pub fn correct(unit: &mut Unit, correction: &Correction) -> Result<(), CorrectionError> {
    let name = part_name(unit);
    let count = unit.links.len();
    let in_part = |group: usize| -> Result<usize, CorrectionError> {
        if (1..=count).contains(&group) {
            Ok(group - 1)
        } else {
            Err(misfit(format!(
                "{name} has groups 1 to {count}: group {group} would cross into another part"
            )))
        }
    };
    let mut links = unit.links.clone();
    match correction {
        Correction::Merge { group } => {
            let i = in_part(*group)?;
            if i + 1 == count {
                return Err(misfit(format!(
                    "group {group} is the last of {name}: groups of two parts are not merged"
                )));
            }
            let next = links.remove(i + 1);
            let merged = &mut links[i];
            for lang in Lang::ALL {
                merged
                    .sentences
                    .get_mut(lang)
                    .extend_from_slice(next.sentences.get(lang));
            }
            merged.confidence = 1.0;
        }
        Correction::Split { group, into } => {
            let i = in_part(*group)?;
            for lang in Lang::ALL {
                let held = links[i].sentences.get(lang);
                let [first, second] = [into[0].get(lang), into[1].get(lang)];
                if let Some(s) = first.iter().chain(second).find(|s| !held.contains(s)) {
                    return Err(misfit(format!(
                        "{lang} sentence {s} is not in group {group}"
                    )));
                }
                let missing: Vec<usize> = held
                    .iter()
                    .copied()
                    .filter(|s| !first.contains(s) && !second.contains(s))
                    .collect();
                if !missing.is_empty() {
                    return Err(misfit(format!(
                        "{lang} sentences {missing:?} of group {group} would be in no group"
                    )));
                }
                if [first.as_slice(), second].concat() != *held {
                    return Err(misfit(format!(
                        "the {lang} sentences of group {group} must each be in one of the two, \
                         the first's before the second's"
                    )));
                }
            }
            if into
                .iter()
                .any(|g| Lang::ALL.iter().all(|&l| g.get(l).is_empty()))
            {
                return Err(misfit(format!(
                    "a split of group {group} must leave a sentence in each of the two"
                )));
            }
            let certain = |sentences: &PerLang<Vec<usize>>| Link {
                sentences: sentences.clone(),
                confidence: 1.0,
                memory: None,
            };
            links.splice(i..=i, into.iter().map(certain));
        }
        Correction::Relink {
            lang,
            sentence,
            group,
        } => {
            let to = in_part(*group)?;
            let from = links
                .iter()
                .position(|l| l.sentences.get(*lang).contains(sentence))
                .ok_or_else(|| misfit(format!("{name} has no {lang} sentence {sentence}")))?;
            if from == to {
                return Err(misfit(format!(
                    "{lang} sentence {sentence} is in group {group} already"
                )));
            }
            let held = links[from].sentences.get(*lang);
            let at_edge = if to + 1 == from {
                held.first() == Some(sentence)
            } else if to == from + 1 {
                held.last() == Some(sentence)
            } else {
                return Err(misfit(format!(
                    "{lang} sentence {sentence} is in group {}: it can join a group beside it only",
                    from + 1
                )));
            };
            if !at_edge {
                return Err(misfit(format!(
                    "{lang} sentence {sentence} is inside group {}: only a group's first or last \
                     sentence joins the group beside it",
                    from + 1
                )));
            }
            links[from]
                .sentences
                .get_mut(*lang)
                .retain(|s| s != sentence);
            let target = links[to].sentences.get_mut(*lang);
            if to < from {
                target.push(*sentence);
            } else {
                target.insert(0, *sentence);
            }
            links[from].confidence = 1.0;
            links[to].confidence = 1.0;
            if Lang::ALL
                .iter()
                .all(|&l| links[from].sentences.get(l).is_empty())
            {
                links.remove(from);
            }
        }
    }
    unit.links = links;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real abstract in three languages, three sentences each (Molodoy
    /// uchyonyy, on conscience), aligned one to one.
    fn abstract_units() -> Vec<Unit> {
        let text =
            include_str!("../../tests/data/docs/moluch-conscience-labels-alone-kk-ru-en.txt");
        let document = crate::ingest::ingest("conscience", Default::default(), text);
        crate::align::align(&document)
    }

    fn sentences(unit: &Unit) -> Vec<PerLang<Vec<usize>>> {
        unit.links.iter().map(|l| l.sentences.clone()).collect()
    }

    fn one_part() -> Unit {
        let mut units = abstract_units();
        let unit = units
            .iter()
            .position(|u| u.division == Division::Abstract && u.links.len() >= 3)
            .expect("an abstract part of three groups or more");
        units.swap_remove(unit)
    }

    #[test]
    fn a_merge_joins_a_group_and_the_next_and_is_certain() {
        let mut unit = one_part();
        let before = sentences(&unit);
        correct(&mut unit, &Correction::Merge { group: 1 }).unwrap();
        let after = sentences(&unit);
        assert_eq!(after.len(), before.len() - 1);
        for lang in Lang::ALL {
            assert_eq!(
                *after[0].get(lang),
                [before[0].get(lang).clone(), before[1].get(lang).clone()].concat()
            );
        }
        assert_eq!(unit.links[0].confidence, 1.0);
        assert_eq!(after[1..], before[2..]);
    }

    #[test]
    fn a_split_undoes_a_merge() {
        let mut unit = one_part();
        let before = sentences(&unit);
        correct(&mut unit, &Correction::Merge { group: 2 }).unwrap();
        let into = [before[1].clone(), before[2].clone()];
        correct(&mut unit, &Correction::Split { group: 2, into }).unwrap();
        assert_eq!(sentences(&unit), before);
    }

    #[test]
    fn a_split_must_keep_every_sentence_once_and_in_order() {
        let mut unit = one_part();
        correct(&mut unit, &Correction::Merge { group: 1 }).unwrap();
        let merged = unit.links[0].sentences.clone();
        let lang = Lang::ALL
            .into_iter()
            .find(|&l| merged.get(l).len() >= 2)
            .unwrap();
        let held = merged.get(lang).clone();
        let split = |first: Vec<usize>, second: Vec<usize>| {
            let mut into = [merged.clone(), PerLang::default()];
            *into[0].get_mut(lang) = first;
            *into[1].get_mut(lang) = second;
            Correction::Split { group: 1, into }
        };
        let before = sentences(&unit);
        // The last sentence left out of both.
        let error = correct(&mut unit, &split(held[..1].to_vec(), vec![])).unwrap_err();
        assert!(
            error.to_string().contains("would be in no group"),
            "{error}"
        );
        // The two out of order.
        let error = correct(&mut unit, &split(held[1..].to_vec(), held[..1].to_vec())).unwrap_err();
        assert!(error.to_string().contains("the first's before"), "{error}");
        // A sentence of another group.
        let other = before[1].get(lang).first().copied().unwrap_or(99);
        let error = correct(&mut unit, &split(vec![other], held.clone())).unwrap_err();
        assert!(error.to_string().contains("is not in group 1"), "{error}");
        // Nothing is left in the second.
        let error = correct(&mut unit, &split(held.clone(), vec![])).unwrap_err();
        assert!(error.to_string().contains("in each of the two"), "{error}");
        assert_eq!(sentences(&unit), before);
    }

    #[test]
    fn a_relinked_sentence_moves_at_a_groups_edge_only() {
        let mut unit = one_part();
        let before = sentences(&unit);
        let relink = |lang, sentence, group| Correction::Relink {
            lang,
            sentence,
            group,
        };
        // The first Kazakh sentence goes down to the second group, and back.
        correct(&mut unit, &relink(Lang::Kk, 0, 2)).unwrap();
        let after = sentences(&unit);
        assert_eq!((&after[0].kk, &after[0].ru), (&vec![], &vec![0]));
        assert_eq!(after[1].kk, [0, 1]);
        correct(&mut unit, &relink(Lang::Kk, 0, 1)).unwrap();
        assert_eq!(sentences(&unit), before);
        // Two groups away, out of the part, or from inside a group.
        let error = correct(&mut unit, &relink(Lang::Kk, 0, 3)).unwrap_err();
        assert!(error.to_string().contains("beside it only"), "{error}");
        let error = correct(&mut unit, &relink(Lang::Ru, 0, 0)).unwrap_err();
        assert!(
            error.to_string().contains("cross into another part"),
            "{error}"
        );
        correct(&mut unit, &Correction::Merge { group: 1 }).unwrap();
        let error = correct(&mut unit, &relink(Lang::En, 0, 2)).unwrap_err();
        assert!(error.to_string().contains("is inside group 1"), "{error}");
    }

    #[test]
    fn a_group_left_with_no_sentence_is_gone() {
        let mut unit = one_part();
        let count = unit.links.len();
        for lang in Lang::ALL {
            let relink = Correction::Relink {
                lang,
                sentence: 0,
                group: 2,
            };
            correct(&mut unit, &relink).unwrap();
        }
        assert_eq!(unit.links.len(), count - 1);
        assert_eq!(unit.links[0].sentences, PerLang::from_fn(|_| vec![0, 1]));
    }

    #[test]
    fn the_last_group_of_a_part_is_not_merged_into_the_next_part() {
        let mut unit = one_part();
        let last = unit.links.len();
        let error = correct(&mut unit, &Correction::Merge { group: last }).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("groups of two parts are not merged"),
            "{error}"
        );
    }

    #[test]
    fn groups_shown_before_a_change_are_not_corrected() {
        let mut unit = one_part();
        let seen = sentences(&unit);
        check_seen(&unit, &seen).unwrap();
        correct(&mut unit, &Correction::Merge { group: 1 }).unwrap();
        let error = check_seen(&unit, &seen).unwrap_err();
        assert!(matches!(error, CorrectionError::Changed(_)));
    }

    #[test]
    fn a_part_is_named_as_compare_names_it() {
        let mut units = abstract_units();
        let name = units
            .iter()
            .find(|u| u.division == Division::Abstract)
            .unwrap()
            .section_path();
        assert_eq!(find_part(&mut units, &name).unwrap().section_path(), name);
        let short = name.split_once('/').unwrap().1.to_owned();
        assert_eq!(find_part(&mut units, &short).unwrap().section_path(), name);
        let error = find_part(&mut units, "nowhere").unwrap_err();
        assert!(error.to_string().contains(&name), "{error}");
    }
}

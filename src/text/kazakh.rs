//! A light suffix-stripping stemmer for Kazakh (Cyrillic script).
//!
//! Kazakh is agglutinative: a noun is built as
//! `root + plural + possessive + case + predicative (personal) ending`,
//! e.g. `депутат-тар-ы-ның` "of their deputies". The stemmer peels those
//! layers off from the end in the reverse order, one suffix per layer:
//!
//! 1. predicative personal endings (`-мын`, `-сың`, `-мыз`, `-сыз` ...),
//! 2. case endings (genitive, dative, accusative, locative, ablative,
//!    instrumental, equative, and the attributive locative `-дағы`),
//! 3. possessive endings (`-ым`, `-ың`, `-ы`/`-сы`, `-ымыз` ...),
//! 4. plural (`-лар`/`-дар`/`-тар` and their front-vowel twins),
//! 5. participles (`-ған`, `-йтын`, the verbal noun `-у`), which are
//!    declined like nouns.
//!
//! Verbs get a shorter path: right after the personal endings, a finite verb
//! ending that no noun can carry (present `-ады`, past `-ды-м`, converb
//! `-ып`, conditional `-са`, negative `-май` ...) is removed, then negation
//! `-ма` and passive/reflexive voice `-ыл`/`-ын`.
//!
//! Every suffix has several allomorphs. Which one appears is fixed by the
//! phonology of what precedes it, so each table entry states the class of
//! the letter it must follow (vowel, sonorant, voiceless consonant, or a
//! 3rd-person possessive). A suffix is also only removed when its vowel
//! agrees with the last vowel of the remaining stem (vowel harmony) and the
//! remaining stem stays long enough. Both checks keep roots that merely end
//! like a suffix (`аудан`, `кітап`, `қазақ`) intact.
//!
//! The result is always a prefix of the input, so no allocation is needed.
//! The stemmer does not undo stem-final alternations (`аймақ` / `аймағы`,
//! `ауыз` / `аузы`): a prefix cannot express them.

/// Returns the stem of a lower-cased, NFC Kazakh word as a prefix slice of it (allocation-free).
pub fn stem(word: &str) -> &str {
    // Only Cyrillic words are stemmed; Latin words, numbers and mixed tokens
    // are returned unchanged.
    if !word.chars().all(|c| is_cyrillic(c) || c == '-') || !word.chars().any(is_vowel) {
        return word;
    }
    let (s, personal) = match strip_one_of(word, PREDICATIVE) {
        Some(rest) => (rest, true),
        None => (word, false),
    };
    // A personal ending right after the present tense vowel (`сақта-й-мыз`,
    // `шығ-а-мын`) marks a verb.
    if personal {
        if let Some(v) = strip_one_of(s, PRESENT_BEFORE_PERSON) {
            return strip_verb_stem(v);
        }
    }
    // A finite verb ending takes no further suffixes: what is left is the
    // verb stem. A bare participle (`бол-атын`, `ал-ған`) is handled here
    // too, before the nominal layers could mistake its end for a suffix.
    if let Some(v) = strip_one_of(s, FINITE_VERB).or_else(|| strip_one_of(s, PARTICIPLE)) {
        return strip_verb_stem(v);
    }
    let s = strip_plural(strip_possessive(strip_case(s)));
    // Participles are declined like nouns; once the nominal layers are off,
    // the participle ending itself may be left (`кел-ген-де`).
    if let Some(v) = strip_one_of(s, PARTICIPLE) {
        return strip_verb_stem(v);
    }
    s
}

// ---------------------------------------------------------------------------
// Letter classes
// ---------------------------------------------------------------------------

fn is_cyrillic(c: char) -> bool {
    matches!(
        c,
        'а'..='я' | 'ё' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і'
    )
}

/// Vowels proper. `у` and `и` are left out: at the end of a stem they behave
/// like the consonants `w` and `j` (`сайлау-ды`, `сайлау-ы`), and they take
/// the allomorphs of consonant-final stems.
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'ё' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я' | 'у' | 'и'
    )
}

fn is_true_vowel(c: char) -> bool {
    is_vowel(c) && c != 'у' && c != 'и'
}

/// Voiced consonants and sonorants: after these the `д`/`ғ`/`г` allomorphs
/// are used (`ауыл-дың`, `ауыл-ға`).
fn is_sonorant(c: char) -> bool {
    matches!(c, 'р' | 'й' | 'у' | 'и' | 'л' | 'м' | 'н' | 'ң' | 'з' | 'ж')
}

/// Voiceless consonants (and `б в г д`, which are devoiced at the end of
/// loanwords): after these the `т`/`қ`/`к`/`п` allomorphs are used
/// (`депутат-тың`, `кітап-қа`).
fn is_voiceless(c: char) -> bool {
    matches!(
        c,
        'к' | 'қ'
            | 'п'
            | 'с'
            | 'т'
            | 'ш'
            | 'щ'
            | 'ф'
            | 'х'
            | 'ц'
            | 'ч'
            | 'һ'
            | 'б'
            | 'в'
            | 'г'
            | 'д'
    )
}

fn is_nasal(c: char) -> bool {
    matches!(c, 'м' | 'н' | 'ң')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Harmony {
    Back,
    Front,
    /// No harmonic vowel (`-н`, `-м`) or one that fits either row (`-мен`).
    Any,
}

fn harmony_of(c: char) -> Option<Harmony> {
    match c {
        'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' | 'ю' => Some(Harmony::Back),
        'ә' | 'ө' | 'ү' | 'і' | 'е' | 'э' => Some(Harmony::Front),
        // `у` and `и` occur in both rows.
        'у' | 'и' => Some(Harmony::Any),
        _ => None,
    }
}

/// Harmony of the last vowel of `s` (`Any` if it has none or it is neutral).
fn stem_harmony(s: &str) -> Harmony {
    s.chars().rev().find_map(harmony_of).unwrap_or(Harmony::Any)
}

/// The instrumental is written with `е` after both rows (`адам-мен`,
/// `үй-мен`), so it is exempt from the harmony check.
const INSTRUMENTAL: &[&str] = &["менен", "бенен", "пенен", "мен", "бен", "пен"];

/// Harmony of a suffix: that of its first harmonic vowel.
fn suffix_harmony(suffix: &str) -> Harmony {
    suffix
        .chars()
        .find_map(|c| match harmony_of(c) {
            Some(Harmony::Any) | None => None,
            h => h,
        })
        .unwrap_or(Harmony::Any)
}

fn harmony_agrees(stem: &str, suffix: &str) -> bool {
    if INSTRUMENTAL.contains(&suffix) {
        return true;
    }
    let (a, b) = (stem_harmony(stem), suffix_harmony(suffix));
    a == Harmony::Any || b == Harmony::Any || a == b
}

// ---------------------------------------------------------------------------
// What a suffix may follow
// ---------------------------------------------------------------------------

/// The context an allomorph needs on its left.
#[derive(Clone, Copy)]
enum After {
    /// Any letter.
    Any,
    /// A vowel (`бала-ның`).
    Vowel,
    /// A consonant (`ат-ы`, `ат-ым`).
    Consonant,
    /// A vowel or a voiced consonant / sonorant (`бала-ға`, `ауыл-ға`).
    VowelOrSonorant,
    /// A voiced consonant or sonorant (`ауыл-дың`).
    Sonorant,
    /// A vowel or `р й у` (plural `-лар`: `бала-лар`, `сайлау-лар`).
    VowelOrRju,
    /// `л з ж` (plural `-дар`: `ауыл-дар`, `адам-дар`, incl. nasals).
    LzhNasal,
    /// A consonant-final stem of one syllable (`бол-`, `іш-`).
    OneSyllable,
    /// A vowel or `р й у л` (negation `-ма`: `бол-ма`, `бер-ме`).
    VowelOrRjuL,
    /// A nasal or `з ж` (negation `-ба`: `сен-бе`, `жаз-ба`).
    ZhzNasal,
    /// A vowel or a sonorant other than a nasal (ablative `-дан`).
    VowelOrNonNasalSonorant,
    /// A nasal (ablative `-нан`: `адам-нан`).
    Nasal,
    /// A vowel or a nasal (genitive `-ның`: `бала-ның`, `адам-ның`).
    VowelOrNasal,
    /// A sonorant other than a nasal (genitive `-дың`: `ауыл-дың`).
    NonNasalSonorant,
    /// A vowel, a glide `й у и` or a nasal (instrumental `-мен`:
    /// `бала-мен`, `сайлау-мен`, `адам-мен`).
    VowelGlideOrNasal,
    /// `л р з ж` (instrumental `-бен`: `ауыл-бен`).
    Lrzzh,
    /// A voiceless consonant (`кітап-тың`, `кітап-қа`).
    Voiceless,
    /// A vowel, for the 3rd-person possessive `-сы`/`-сі`. A word in
    /// `-ысы`/`-ісі` is far more often a stem in `-ыс`/`-іс` (the productive
    /// deverbal noun: `жиналыс-ы`, `байланыс-ы`) plus `-ы`, than a stem in
    /// `-ы`/`-і` plus `-сы`. Stems in `-ы`/`-і` are mostly the agent noun
    /// `-шы`/`-ші` and the adjectival `-ғы`/`-гі`/`-қы`/`-кі`, which are
    /// recognised by their consonant (`басшы-сы`, `белгі-сі`).
    VowelBeforeSy,
    /// Any letter but `с` (conditional `-са`, not the `-сса` of loanwords).
    NotS,
    /// The final vowel of a verb stem that is recognisable as one: a
    /// denominal verb in `-ла`, `-да`, `-та` (`арала-`, `айда-`, `баста-`) or
    /// a negated stem in `-ма`, `-ба`, `-па` (`бол-ма-`). The `т` of `-та`
    /// and `п` of `-па` follow a voiceless consonant and the `д` of `-да` a
    /// sonorant, which keeps nouns such as `кітап` intact. Before such a
    /// vowel, `-ды` is the past tense and not the present `-а-ды`.
    VerbalVowel,
    /// A 3rd-person possessive `-ы`/`-і`/`-сы`/`-сі` (`ауданы-на`,
    /// `жиналысы-н`). The possessive itself is removed by the next layer.
    Poss3,
    /// A 1st/2nd person singular possessive `-м`/`-ң` (`бала-м-а`).
    Poss12,
}

fn follows(stem: &str, after: After) -> bool {
    let Some(last) = stem.chars().next_back() else {
        return false;
    };
    match after {
        After::Any => true,
        After::Vowel => is_true_vowel(last),
        After::Consonant => !is_true_vowel(last),
        After::VowelOrSonorant => is_true_vowel(last) || is_sonorant(last),
        After::Sonorant => is_sonorant(last),
        After::VowelOrRju => is_true_vowel(last) || matches!(last, 'р' | 'й' | 'у' | 'и'),
        After::LzhNasal => matches!(last, 'л' | 'з' | 'ж') || is_nasal(last),
        After::VowelOrNonNasalSonorant => {
            is_true_vowel(last) || (is_sonorant(last) && !is_nasal(last))
        }
        After::Nasal => is_nasal(last),
        After::OneSyllable => {
            !is_true_vowel(last) && stem.chars().filter(|&c| is_true_vowel(c)).count() == 1
        }
        After::VowelOrRjuL => is_true_vowel(last) || matches!(last, 'р' | 'й' | 'у' | 'и' | 'л'),
        After::ZhzNasal => is_nasal(last) || matches!(last, 'з' | 'ж'),
        After::VowelOrNasal => is_true_vowel(last) || is_nasal(last),
        After::NonNasalSonorant => is_sonorant(last) && !is_nasal(last),
        After::VowelGlideOrNasal => is_vowel(last) || last == 'й' || is_nasal(last),
        After::Lrzzh => matches!(last, 'л' | 'р' | 'з' | 'ж'),
        After::Voiceless => is_voiceless(last),
        After::NotS => last != 'с',
        After::VerbalVowel => {
            // The syllable `-ла`, `-да`, `-ма` ... is two 2-byte letters.
            let Some(rest) = stem.len().checked_sub(4).and_then(|n| stem.get(..n)) else {
                return false;
            };
            let mut rev = stem.chars().rev();
            let (v, c) = (rev.next(), rev.next());
            let before = rest.chars().next_back();
            // A rest ending in two consonants is a loan or a place name
            // (`қазақс-тан`), not a noun that a verb is made from.
            let cluster = {
                let mut r = rest.chars().rev();
                matches!((r.next(), r.next()), (Some(a), Some(b)) if !is_vowel(a) && !is_vowel(b))
            };
            long_enough(rest)
                && !cluster
                && match (v, c, before) {
                    // `-ыла` is passive + present (`ашыл-а-ды`), not `-ла`
                    (Some('а' | 'е'), Some('л'), Some(b)) => b != 'ы' && b != 'і',
                    (Some('а' | 'е'), Some('м'), Some(_)) => true,
                    (Some('а' | 'е'), Some('д'), Some(b)) => is_vowel(b) || is_sonorant(b),
                    (Some('а' | 'е'), Some('т' | 'п'), Some(b)) => is_voiceless(b),
                    (Some('а' | 'е'), Some('б'), Some(b)) => is_nasal(b) || b == 'з' || b == 'ж',
                    _ => false,
                }
        }
        After::VowelBeforeSy => match last {
            'ы' | 'і' => {
                let inner = &stem[..stem.len() - last.len_utf8()];
                inner
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, 'ш' | 'ғ' | 'г' | 'қ' | 'к'))
            }
            c => is_true_vowel(c),
        },
        After::Poss3 => {
            (last == 'ы' || last == 'і') && {
                // The remaining stem without the possessive must itself be a
                // plausible stem.
                let inner = &stem[..stem.len() - last.len_utf8()];
                long_enough(inner)
            }
        }
        After::Poss12 => {
            (last == 'м' || last == 'ң') && {
                let inner = &stem[..stem.len() - last.len_utf8()];
                inner.chars().next_back().is_some_and(is_vowel) && long_enough(inner)
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Stem length
// ---------------------------------------------------------------------------

/// Whether `stem` may be left after removing a suffix. It needs a vowel and
/// at least two letters. Native monosyllabic roots of two letters are
/// vowel + consonant (`ат`, `ел`, `үй`); a two-letter consonant + vowel rest
/// (`жа-сы`, `ба-сын`), or one ending in the glide `у` (`ау-дан`), is almost
/// always a longer root cut too deep.
fn long_enough(stem: &str) -> bool {
    let mut chars = stem.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    match chars.count() {
        0 => is_vowel(first) && !is_vowel(last),
        _ => stem.chars().any(is_vowel),
    }
}

// ---------------------------------------------------------------------------
// Suffix tables
// ---------------------------------------------------------------------------

type Table = &'static [(&'static str, After)];

/// Predicative personal endings: "I am / you are / we are ... (a) X".
const PREDICATIVE: Table = &[
    ("сыңдар", After::Any),
    ("сіңдер", After::Any),
    ("сыздар", After::Any),
    ("сіздер", After::Any),
    ("мын", After::VowelOrSonorant),
    ("мін", After::VowelOrSonorant),
    ("бын", After::Sonorant),
    ("бін", After::Sonorant),
    ("пын", After::Voiceless),
    ("пін", After::Voiceless),
    ("мыз", After::VowelOrSonorant),
    ("міз", After::VowelOrSonorant),
    ("быз", After::Sonorant),
    ("біз", After::Sonorant),
    ("пыз", After::Voiceless),
    ("піз", After::Voiceless),
    ("сың", After::Any),
    ("сің", After::Any),
    ("сыз", After::Any),
    ("сіз", After::Any),
];

/// Case endings, with the attributive locative `-дағы` ("the one in X").
const CASE: Table = &[
    // attributive locative
    ("ндағы", After::Poss3),
    ("ндегі", After::Poss3),
    ("дағы", After::VowelOrSonorant),
    ("дегі", After::VowelOrSonorant),
    ("тағы", After::Voiceless),
    ("тегі", After::Voiceless),
    // instrumental (`-мен` is not subject to harmony)
    ("менен", After::VowelGlideOrNasal),
    ("бенен", After::Lrzzh),
    ("пенен", After::Voiceless),
    ("мен", After::VowelGlideOrNasal),
    ("бен", After::Lrzzh),
    ("пен", After::Voiceless),
    // genitive
    ("ның", After::VowelOrNasal),
    ("нің", After::VowelOrNasal),
    ("дың", After::NonNasalSonorant),
    ("дің", After::NonNasalSonorant),
    ("тың", After::Voiceless),
    ("тің", After::Voiceless),
    // ablative
    ("нан", After::Nasal),
    ("нен", After::Nasal),
    ("нан", After::Poss3),
    ("нен", After::Poss3),
    ("дан", After::VowelOrNonNasalSonorant),
    ("ден", After::VowelOrNonNasalSonorant),
    ("тан", After::Voiceless),
    ("тен", After::Voiceless),
    // locative
    ("нда", After::Poss3),
    ("нде", After::Poss3),
    ("да", After::VowelOrSonorant),
    ("де", After::VowelOrSonorant),
    ("та", After::Voiceless),
    ("те", After::Voiceless),
    // equative
    ("ндай", After::Poss3),
    ("ндей", After::Poss3),
    ("дай", After::VowelOrSonorant),
    ("дей", After::VowelOrSonorant),
    ("тай", After::Voiceless),
    ("тей", After::Voiceless),
    // dative
    ("на", After::Poss3),
    ("не", After::Poss3),
    ("ға", After::VowelOrSonorant),
    ("ге", After::VowelOrSonorant),
    ("қа", After::Voiceless),
    ("ке", After::Voiceless),
    ("а", After::Poss12),
    ("е", After::Poss12),
    // accusative
    ("ны", After::Vowel),
    ("ні", After::Vowel),
    ("ды", After::Sonorant),
    ("ді", After::Sonorant),
    ("ты", After::Voiceless),
    ("ті", After::Voiceless),
    ("н", After::Poss3),
];

/// Possessive endings. Longest first, so that `-ымыз` wins over `-ыз`.
const POSSESSIVE: Table = &[
    // 2nd person plural / polite
    ("ыңыздар", After::Consonant),
    ("іңіздер", After::Consonant),
    ("ңыздар", After::Vowel),
    ("ңіздер", After::Vowel),
    ("ыңдар", After::Consonant),
    ("іңдер", After::Consonant),
    ("ңдар", After::Vowel),
    ("ңдер", After::Vowel),
    ("ыңыз", After::Consonant),
    ("іңіз", After::Consonant),
    ("ңыз", After::Vowel),
    ("ңіз", After::Vowel),
    // 1st person plural
    ("ымыз", After::Consonant),
    ("іміз", After::Consonant),
    ("мыз", After::Vowel),
    ("міз", After::Vowel),
    // 1st / 2nd person singular
    ("ым", After::Consonant),
    ("ім", After::Consonant),
    ("ың", After::Consonant),
    ("ің", After::Consonant),
    ("м", After::Vowel),
    ("ң", After::Vowel),
    // 3rd person
    ("сы", After::VowelBeforeSy),
    ("сі", After::VowelBeforeSy),
    ("ы", After::Consonant),
    ("і", After::Consonant),
];

/// Plural endings.
const PLURAL: Table = &[
    ("лар", After::VowelOrRju),
    ("лер", After::VowelOrRju),
    ("дар", After::LzhNasal),
    ("дер", After::LzhNasal),
    ("тар", After::Voiceless),
    ("тер", After::Voiceless),
];

/// Finite verb endings that cannot be read as a nominal suffix, with the
/// person ending they may carry (`ал-ады`, `ал-ды-м`, `бол-са`, `бар-сын`).
const FINITE_VERB: Table = &[
    // evidential past `-ыпты`
    ("ыпты", After::Consonant),
    ("іпті", After::Consonant),
    ("пты", After::Vowel),
    ("пті", After::Vowel),
    // past `-ды` after a stem known to end in a vowel (`баста-ды`), also
    // with the passive `-л` or reflexive `-н` between (`баста-л-ды`)
    ("лды", After::VerbalVowel),
    ("лді", After::VerbalVowel),
    ("нды", After::VerbalVowel),
    ("нді", After::VerbalVowel),
    ("ды", After::VerbalVowel),
    ("ді", After::VerbalVowel),
    // present-future 3rd person: `-а/-е/-й` + `-ды/-ді`
    ("ады", After::Consonant),
    ("еді", After::Consonant),
    ("йды", After::Vowel),
    ("йді", After::Vowel),
    // optative 1st person
    ("айын", After::Consonant),
    ("ейін", After::Consonant),
    ("йын", After::Vowel),
    ("йін", After::Vowel),
    // past in `-ды` with a person ending (a noun never has `-ды-м`)
    ("дыңыздар", After::VowelOrSonorant),
    ("діңіздер", After::VowelOrSonorant),
    ("тыңыздар", After::Voiceless),
    ("тіңіздер", After::Voiceless),
    ("дыңыз", After::VowelOrSonorant),
    ("діңіз", After::VowelOrSonorant),
    ("тыңыз", After::Voiceless),
    ("тіңіз", After::Voiceless),
    ("дым", After::VowelOrSonorant),
    ("дім", After::VowelOrSonorant),
    ("тым", After::Voiceless),
    ("тім", After::Voiceless),
    // past `-ды` after a vowel: a noun would take the accusative `-ны` there
    ("ды", After::Vowel),
    ("ді", After::Vowel),
    // conditional `-са` with a person ending
    ("саңыз", After::Any),
    ("сеңіз", After::Any),
    ("сам", After::Any),
    ("сем", After::Any),
    ("саң", After::Any),
    ("сең", After::Any),
    ("сақ", After::Any),
    ("сек", After::Any),
    ("са", After::NotS),
    ("се", After::NotS),
    // imperative 3rd person (after a vowel `-сын` is possessive + accusative)
    ("сын", After::Consonant),
    ("сін", After::Consonant),
    // converb `-ып`/`-п`
    ("ып", After::Consonant),
    ("іп", After::Consonant),
    ("п", After::VerbalVowel),
    // past 1st person plural `-дық`; only where the derivational `-лық`
    // could not stand (after a vowel or `р й у`: `бастa-дық`, `бар-дық`)
    ("дық", After::VowelOrRju),
    ("дік", After::VowelOrRju),
    // negative converb `-май`
    ("май", After::VowelOrRjuL),
    ("мей", After::VowelOrRjuL),
    ("бай", After::ZhzNasal),
    ("бей", After::ZhzNasal),
    ("пай", After::Voiceless),
    ("пей", After::Voiceless),
];

/// The present tense `-й` of a vowel stem before a personal ending
/// (`сақта-й-мыз`). The `-а`/`-е` of consonant stems (`шығ-а-мын`) is left
/// alone: it cannot be told from a noun in `-а` with a predicative ending
/// (`бала-сыз`, `нәрсе-міз`).
const PRESENT_BEFORE_PERSON: Table = &[("й", After::Vowel)];

/// Participles and the verbal noun in `-ған`, `-атын`, which are declined
/// like nouns (`кел-ген-де`, `ал-ған-ы-н`).
///
/// The participle `-атын` of consonant stems reads the same as a noun in
/// `-ат`/`-ет` with possessive and accusative (`мемлекет-і-н`); such nouns
/// are mostly polysyllabic loans, while the verbs that take `-атын` are
/// mostly monosyllabic roots (`бол-атын`, `іш-етін`), so it is removed only
/// after a single syllable.
const PARTICIPLE: Table = &[
    ("атын", After::OneSyllable),
    ("етін", After::OneSyllable),
    ("йтын", After::Vowel),
    ("йтін", After::Vowel),
    ("ған", After::VowelOrSonorant),
    ("ген", After::VowelOrSonorant),
    ("қан", After::Voiceless),
    ("кен", After::Voiceless),
    // The verbal noun `-у` after a consonant (`ал-у`, `бер-у`). After a
    // vowel it is kept: `сайлау`, `бастау` are nouns in their own right.
    ("у", After::Consonant),
];

/// Negation `-ма`, between the verb stem and its tense ending.
const NEGATION: Table = &[
    ("ма", After::VowelOrRjuL),
    ("ме", After::VowelOrRjuL),
    ("ба", After::ZhzNasal),
    ("бе", After::ZhzNasal),
    ("па", After::Voiceless),
    ("пе", After::Voiceless),
];

/// Passive `-ыл`/`-л` and reflexive `-ын`/`-н` voice, which the dictionary
/// form of a verb does not include (`бер-іл-ді`, `баста-л-ды`).
const VOICE: Table = &[
    ("ыл", After::Consonant),
    ("іл", After::Consonant),
    ("л", After::Vowel),
    ("ын", After::Consonant),
    ("ін", After::Consonant),
    ("н", After::Vowel),
];

// ---------------------------------------------------------------------------
// Layers
// ---------------------------------------------------------------------------

/// Removes the first suffix of `table` (longest are listed first) whose
/// context, harmony and remaining length all fit.
fn strip_one_of(s: &str, table: Table) -> Option<&str> {
    table.iter().find_map(|&(suffix, after)| {
        s.strip_suffix(suffix).filter(|rest| {
            long_enough(rest) && harmony_agrees(rest, suffix) && follows(rest, after)
        })
    })
}

/// Like [`strip_one_of`], returning `s` unchanged when nothing fits.
fn strip_one(s: &str, table: Table) -> &str {
    strip_one_of(s, table).unwrap_or(s)
}

/// Negation, then voice, off a verb stem.
fn strip_verb_stem(s: &str) -> &str {
    strip_one(strip_one(s, NEGATION), VOICE)
}

fn strip_case(s: &str) -> &str {
    strip_one(s, CASE)
}

fn strip_possessive(s: &str) -> &str {
    strip_one(s, POSSESSIVE)
}

fn strip_plural(s: &str) -> &str {
    strip_one(s, PLURAL)
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn all_stem_to(words: &[&str], expected: &str) {
        for w in words {
            assert_eq!(stem(w), expected, "stem({w:?})");
        }
    }

    #[test]
    fn dative_after_back_vowel() {
        all_stem_to(&["сайлауға"], "сайлау");
        all_stem_to(&["республикаға", "республика"], "республика");
    }

    #[test]
    fn all_cases_of_a_noun_ending_in_u() {
        all_stem_to(
            &[
                "сайлау",
                "сайлауды",
                "сайлауға",
                "сайлауда",
                "сайлаудың",
                "сайлаулар",
                "сайлауларының",
                "сайлаумен",
            ],
            "сайлау",
        );
    }

    #[test]
    fn plural_with_possessive_after_voiceless_consonant() {
        all_stem_to(&["депутаттары", "депутаттар", "депутаттардың"], "депутат");
    }

    #[test]
    fn third_person_possessive_then_case() {
        all_stem_to(
            &["жиналысы", "жиналысын", "жиналысының", "жиналыстың"],
            "жиналыс",
        );
    }

    #[test]
    fn possessive_sy_after_vowel() {
        all_stem_to(&["партиясы", "партиялар", "партиясының"], "партия");
    }

    #[test]
    fn front_vowel_genitive_and_possessive() {
        all_stem_to(&["үкіметі", "үкіметтің", "үкімет"], "үкімет");
    }

    #[test]
    fn plural_and_genitive_after_uvular() {
        all_stem_to(&["қазақтардың", "қазақ"], "қазақ");
    }

    #[test]
    fn roots_that_end_like_a_suffix_are_kept() {
        assert_eq!(stem("кітап"), "кітап");
        assert_eq!(stem("аудан"), "аудан");
    }

    #[test]
    fn common_verb_forms_meet_at_the_root() {
        all_stem_to(&["болды", "болады", "болған", "болмайды", "болып"], "бол");
        all_stem_to(&["бастады", "бастап", "басталды"], "баста");
    }

    #[test]
    fn verbal_noun_kept_after_vowel() {
        all_stem_to(&["сайлау", "сайлауы"], "сайлау");
        all_stem_to(&["алу", "алуға"], "ал");
    }

    #[test]
    fn no_panic_and_prefix_on_every_short_string() {
        let letters: Vec<char> = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі-1z"
            .chars()
            .collect();
        let mut word = String::new();
        for &a in &letters {
            for &b in &letters {
                for &c in &letters {
                    for d in ["", "н", "ды", "ның", "лары"] {
                        word.clear();
                        word.extend([a, b, c]);
                        word.push_str(d);
                        let s = stem(&word);
                        assert!(word.starts_with(s), "{word:?} -> {s:?}");
                        assert!(!s.is_empty(), "{word:?} -> empty");
                    }
                }
            }
        }
    }

    #[test]
    fn non_cyrillic_and_degenerate_input_is_unchanged() {
        for w in [
            "",
            "а",
            "ы",
            "н",
            "2024",
            "parliament",
            "covid-19",
            "-",
            "ң",
        ] {
            assert_eq!(stem(w), w);
        }
    }

    #[test]
    fn result_is_always_a_prefix() {
        for w in ["балаларымызға", "үйлеріңізде", "ммм", "ынын", "аа-ға"]
        {
            assert!(w.starts_with(stem(w)));
        }
    }
}

//! A light suffix-stripping stemmer for Kazakh (Cyrillic script).
//!
//! Kazakh is agglutinative. A noun is built as
//! `root + plural + possessive + case + predicative (personal) ending`,
//! e.g. `депутат-тар-ы-ның` "of their deputies"; a verb as
//! `root + voice + negation + tense/mood/aspect + person`,
//! e.g. `ал-ын-ба-й-ды` "is not taken". Participles and the verbal noun
//! (`ал-ған`, `ал-у`) are declined like nouns (`ал-ған-ы-н`, `ал-у-ға`).
//!
//! The stemmer peels those layers off from the end, one suffix per layer:
//!
//! 1. a finite verb ending (tense or mood with its person ending) that no
//!    noun can carry sends the word down the verb path: negation, then
//!    passive / reciprocal voice;
//! 2. a bare participle (`бол-атын`) goes the same way;
//! 3. otherwise the nominal layers come off in reverse order: predicative
//!    ending, case, possessive, plural; what is left may still end in a
//!    participle or the verbal noun, and then the verb path follows.
//!
//! Derivational suffixes stay (`ұлт-тық`, `басшы`, `тарих-и`), except the
//! attributive `-ғы` of time words (`жыл-ғы`), which behaves like a case.
//!
//! Every suffix has several allomorphs. Which one appears is fixed by the
//! phonology of what precedes it, so each table entry states the class of
//! the letter it must follow (vowel, sonorant, voiceless consonant, or a
//! 3rd-person possessive). A suffix is also only removed when its vowel
//! agrees with the last vowel of the remaining stem (vowel harmony) and the
//! remaining stem stays long enough. Endings that a noun could also show
//! (the converb `-а`, the future `-ар`, the present `-й-ды` of a vowel stem)
//! are only removed from a stem that is recognisably a verb: a common verb
//! root from a short list, or one built with a verbal suffix (causative,
//! passive, denominal `-ла`/`-да`/`-та`).
//!
//! Finally the stem's end is normalised so that alternating forms meet: a
//! voiced final consonant is devoiced (`таб-ады` / `тап`, `аймағ-ы` /
//! `аймақ`), and a few roots that lose their last vowel before a vowel
//! (`аузы` / `ауыз`) get it back. So the stem is not always a prefix of the
//! word, and it is written into a caller-supplied buffer.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Writes the stem of a lower-cased, NFC Kazakh word into `out` (cleared first); allocation-free once `out` has capacity.
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    // Only Cyrillic words are stemmed; Latin words, numbers and mixed tokens
    // are returned unchanged.
    if !word.chars().all(|c| is_cyrillic(c) || c == '-') || !word.chars().any(is_vowel) {
        out.push_str(word);
        return;
    }
    let (base, tail) = analyse(word);
    out.push_str(base);
    out.push_str(tail);
    normalise_end(out);
}

/// The stem of a lower-cased, NFC Kazakh word, see [`stem_into`].
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    stem_into(word, &mut out);
    out
}

/// A stem: a prefix of the word plus an optional restored ending.
type Stem<'a> = (&'a str, &'static str);

fn analyse(word: &str) -> Stem<'_> {
    if let Some(&(_, root)) = IRREGULAR.iter().find(|&&(form, _)| form == word) {
        return ("", root);
    }
    if is_protected(word) {
        return (word, "");
    }
    // A protected noun with a possessive is that noun, whatever verb
    // ending its letters could also spell (`алғыс-ы` "his thanks", not
    // `ал-ғы-сы` "wants to take").
    let noun_with_possessive = strip_one_of(word, POSSESSIVE).is_some_and(is_protected);
    if let Some(st) = strip_finite_verb(word).filter(|_| !noun_with_possessive) {
        return st;
    }
    // A bare participle (`бол-атын`, `ал-ған`) is taken before the nominal
    // layers could mistake its end for a suffix (`-ы-н`).
    if let Some(v) = strip_participle(word) {
        return verb_stem(v);
    }
    let s = word;
    let s = if is_protected(s) {
        s
    } else {
        strip_one(s, PREDICATIVE)
    };
    let (s, dative_after_12) = strip_case(s);
    let s = strip_possessive(s, dative_after_12);
    let s = match strip_one_of(s, PLURAL) {
        // A noun in consonant + `ы`/`і` (`кісі`, `белгі`) loses that vowel
        // elsewhere, where it reads as a possessive (`кіс-і`); so it does
        // before the plural too.
        Some(rest) if !is_protected(s) => strip_one(rest, FINAL_Y),
        _ => s,
    };
    // Participles and the verbal noun are declined like nouns; once the
    // nominal layers are off, their own ending may be left (`кел-ген-де`).
    if !is_protected(s) && !is_verb_root(s) {
        if let Some(v) = strip_participle(s) {
            return verb_stem(v);
        }
        // The verbal noun `-у` after `й` is written `-ю` (`құй-у` → `құю`,
        // `ки-ю`).
        if let Some(rest) = s.strip_suffix('ю') {
            match rest.chars().next_back() {
                Some('и') if rest.chars().count() >= 2 => return (rest, ""),
                Some(c) if is_true_vowel(c) && rest.chars().count() >= 2 => return (rest, "й"),
                _ => {}
            }
        }
    }
    (s, "")
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

/// Common verb roots, `data/kazakh-verb-roots.tsv`: they license the
/// endings that a noun could also show (see the file).
const VERB_ROOTS: &str = include_str!("data/kazakh-verb-roots.tsv");

/// Words that end like a suffix but are roots of their own,
/// `data/kazakh-protected.tsv`: nothing is removed from them.
const PROTECTED: &str = include_str!("data/kazakh-protected.tsv");

/// Roots that drop their last vowel when a vowel-initial suffix follows
/// (`ауыз` "mouth" / `аузы` "his mouth"). The stem that is left after
/// stripping is mapped back to the full root.
const VOWEL_DROP: &[(&str, &str)] = &[
    ("ауз", "ауыз"),
    ("орн", "орын"),
    ("ерн", "ерін"),
    ("мұрн", "мұрын"),
    ("қарн", "қарын"),
    ("мойн", "мойын"),
    ("қойн", "қойын"),
    ("халқ", "халық"),
    ("нарқ", "нарық"),
    ("ерк", "ерік"),
    ("бөрк", "бөрік"),
    ("көрк", "көрік"),
    ("қалп", "қалып"),
    ("әрп", "әріп"),
    ("ғұрп", "ғұрып"),
    ("ырқ", "ырық"),
    ("құлқ", "құлық"),
    ("зейн", "зейін"),
    ("кәсіпорн", "кәсіпорын"),
];

/// Colloquial contractions of the converb `-ып` (`бол-ып` → `боп`).
const IRREGULAR: &[(&str, &str)] = &[("боп", "бол"), ("қып", "қыл"), ("ғып", "қыл")];

fn is_protected(s: &str) -> bool {
    // Asked for every ending tried on every word: hashed once, not scanned.
    static WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        super::table_rows(PROTECTED)
            .map(str::trim)
            .chain(VOWEL_DROP.iter().map(|&(_, full)| full))
            .collect()
    });
    WORDS.contains(s) || is_stan_name(s)
}

/// Country names in `-стан` after a consonant (`Қазақстан`, `Ауғанстан`)
/// are not a stem plus the ablative `-тан`.
fn is_stan_name(s: &str) -> bool {
    s.strip_suffix("стан")
        .and_then(|r| r.chars().next_back())
        .is_some_and(|c| !is_vowel(c))
}

/// Whether `s`, with its last consonant devoiced, is a listed verb root.
fn is_verb_root(s: &str) -> bool {
    let Some(last) = s.chars().next_back() else {
        return false;
    };
    static ROOTS: LazyLock<HashSet<&str>> =
        LazyLock::new(|| super::table_rows(VERB_ROOTS).map(str::trim).collect());
    let head = &s[..s.len() - last.len_utf8()];
    let devoiced = devoiced(last);
    if devoiced == last {
        return ROOTS.contains(s);
    }
    // The root spelt with its last consonant devoiced, on the stack: the
    // stemmer allocates nothing per word.
    let mut spelt = [0u8; 64];
    if head.len() + devoiced.len_utf8() > spelt.len() {
        return false;
    }
    spelt[..head.len()].copy_from_slice(head.as_bytes());
    let end = head.len() + devoiced.encode_utf8(&mut spelt[head.len()..]).len();
    std::str::from_utf8(&spelt[..end]).is_ok_and(|root| ROOTS.contains(root))
}

/// Whether `s` is recognisably a verb stem: a listed root, a stem built with
/// a verbal suffix, or one that ends in negation.
fn is_verb_like(s: &str) -> bool {
    is_verb_root(s)
        || follows(s, After::VerbalVowel)
        || has_verbal_suffix(s)
        || strip_one_of(s, NEGATION).is_some_and(|r| long_enough(r) || is_verb_root(r))
}

/// Derivational suffixes that make verbs: causative (`шақ-ыр`, `өн-дір`,
/// `жүр-гіз`, `оқы-т`), voice (`таб-ыл`, `кезде-с`, `күр-ес`) and the
/// `-ай`/`-ар` of verbs from adjectives (`көб-ей`, `жақс-ар`). Only stems of
/// two syllables or more count, so that nouns such as `бір`, `қыз` do not.
fn has_verbal_suffix(s: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ыр", "ір", "ғыз", "гіз", "қыз", "кіз", "ыт", "іт", "ыл", "іл", "ей", "ай", "ар", "ер",
        "ыс", "іс", "ас", "ес",
    ];
    // A plural (`ел-дер`) is not a verb in `-ер`.
    const PLURAL_ENDS: &[&str] = &["лар", "лер", "дар", "дер", "тар", "тер"];
    syllables(s) >= 2
        && SUFFIXES.iter().any(|x| s.ends_with(x))
        && !PLURAL_ENDS.iter().any(|x| s.ends_with(x))
}

fn syllables(s: &str) -> usize {
    s.chars().filter(|&c| is_true_vowel(c)).count()
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

/// Vowels, including `у` and `и`. At the end of a stem those two behave like
/// the consonants `w` and `j` (`сайлау-ды`, `сайлау-ы`), so the allomorph
/// checks use [`is_true_vowel`].
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

/// Voiceless consonants (and `б в г д ғ`, which are devoiced at the end of
/// a word): after these the `т`/`қ`/`к`/`п` allomorphs are used
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

/// The voiceless twin of a consonant that alternates at the end of a stem:
/// `б`/`п` (`кітап` / `кітабы`), `ғ`/`қ` (`аймақ` / `аймағы`), `г`/`к`
/// (`бірлік` / `бірлігі`).
fn devoiced(c: char) -> char {
    match c {
        'б' => 'п',
        'ғ' => 'қ',
        'г' => 'к',
        c => c,
    }
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
    /// Anything but a voiceless consonant (instrumental `-мен`: `бала-мен`,
    /// `адам-мен`, and in current spelling also `жыл-мен`).
    NotVoiceless,
    /// A voiceless consonant (`кітап-тың`, `кітап-қа`).
    Voiceless,
    /// A vowel, for the 3rd-person possessive `-сы`/`-сі`. A word in
    /// `-ысы`/`-ісі` is far more often a stem in `-ыс`/`-іс` (the productive
    /// deverbal noun: `жиналыс-ы`, `байланыс-ы`) plus `-ы`, than a stem in
    /// `-ы`/`-і` plus `-сы`. Stems in `-ы`/`-і` are mostly the agent noun
    /// `-шы`/`-ші` and nouns in `-гі`/`-кі`, which are recognised by their
    /// consonant (`басшы-сы`, `белгі-сі`); a back `-ғыс` is the noun
    /// `соғыс`, not `соғы-с`.
    VowelBeforeSy,
    /// The final vowel of a verb stem that is recognisable as one: a
    /// denominal verb in `-ла`, `-да`, `-та` (`арала-`, `айда-`, `баста-`) or
    /// a negated stem in `-ма`, `-ба`, `-па` (`бол-ма-`). The `т` of `-та`
    /// and `п` of `-па` follow a voiceless consonant and the `д` of `-да` a
    /// sonorant, which keeps nouns such as `кітап` intact.
    VerbalVowel,
    /// A vowel-final stem that is recognisably a verb ([`is_verb_like`]):
    /// `сақта-й-ды`, `де-п`, `оқы-ды`.
    VerbVowel,
    /// Like `VerbVowel`, but not a stem in `-да`/`-де`, which is far more
    /// often a locative (`-да-й` is then the equative `келген-дей`).
    VerbVowelNotDa,
    /// A listed verb root (future `де-р`; `доллар` is no `долла-р`).
    VerbRoot,
    /// A recognisable verb stem ending in a vowel or a voiced consonant,
    /// before the desiderative `-ғы`/`-гі` (`бар-ғы-м`, `оқы-ғы-сы`).
    DesireVoiced,
    /// A recognisable verb stem ending in a voiceless consonant, before the
    /// desiderative `-қы`/`-кі` (`айт-қы-сы`).
    DesireVoiceless,
    /// The conditional `-са`: after a consonant (`тап-са`, `ашыл-са`), but
    /// after `с` or a vowel only on a recognisable verb (`бас-са`,
    /// `істе-се`; not `масса`, `нәрсе`).
    Conditional,
    /// A consonant-final stem that is recognisably a verb: `бар-а`,
    /// `шақыр-а-мын`, `көрсет-ер`.
    VerbConsonant,
    /// A verb stem ending in the passive `-(ы)л` (`бер-іл-ді`,
    /// `баста-л-ды`) or, for a listed root, the reflexive `-(ы)н`
    /// (`сал-ын-ды`): the following `-ды` is then the past tense.
    Passive,
    /// A verb stem before the reciprocal `-(ы)с`: a listed root, a stem
    /// with a causative (`өлтір-іс`) or a denominal verb in `-ла`, `-да`
    /// (`кезде-с`).
    RecipStem,
    /// A verb stem before the future `-ар`. After `л` only a listed root
    /// (`ал-ар`): `-лар` is far more often the plural (`басшы-лар`).
    FutureStem,
    /// A listed verb root or a stem with a causative suffix.
    RootOrCausative,
    /// A stem before the bare converb `-а`: a listed root, or one with a
    /// causative or passive suffix (`шақыр-а`, `таб-ыл-а`). Loans in
    /// `-ара`, `-ера` (`шекара`) are not `шекар-а`.
    ConverbA,
    /// A vowel-final verb stem before the past `-ды`, unless it is a listed
    /// consonant root plus the present `-а` (`айнал-а-ды`).
    PastVowel,
    /// A consonant-final stem before the converb `-ып`: one syllable
    /// (`ал-ып`), or more if it is recognisably a verb (`шақыр-ып`) or ends
    /// in a voice suffix (`сақта-л-ып`, `таны-с-ып`). Nouns in `-ып`/`-іп`
    /// are mostly polysyllabic (`өнеркәсіп`).
    ConverbStem,
    /// A vowel, but not the end of a participle `-ға`(`-н`) + `-ы`: a word
    /// in `-ғаны` is the participle with a possessive (`кел-ген-і`), as the
    /// dative and the accusative never follow each other.
    VowelNotParticiple,
    /// A stem of three letters or more in `л н`, before the attributive
    /// `-ғы` of time words (`жыл-ғы`, `кейін-гі`). Shorter stems and other
    /// consonants are mostly roots that merely end in `-ғы`/`-гі`/`-кі`
    /// (`үлгі`, `кедергі`, `жылқы`, `түркі`).
    TimeNoun,
    /// `л`, before the passive `-ын` (`ал-ын`).
    L,
    /// A vowel-final verb stem with an `л`, before the passive `-н`.
    La,
    /// A 3rd-person possessive `-ы`/`-і`/`-сы`/`-сі` (`ауданы-на`,
    /// `жиналысы-н`). The possessive itself is removed by the next layer.
    Poss3,
    /// A 1st/2nd person singular possessive `-ым`/`-ң` (`бас-ым-а`,
    /// `бала-ң-а`).
    Poss12,
}

fn follows(stem: &str, after: After) -> bool {
    let Some(last) = stem.chars().next_back() else {
        return false;
    };
    let inner = &stem[..stem.len() - last.len_utf8()];
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
        After::VowelOrRjuL => is_true_vowel(last) || matches!(last, 'р' | 'й' | 'у' | 'и' | 'л'),
        After::ZhzNasal => is_nasal(last) || matches!(last, 'з' | 'ж'),
        After::VowelOrNasal => is_true_vowel(last) || is_nasal(last),
        After::NonNasalSonorant => is_sonorant(last) && !is_nasal(last),
        After::NotVoiceless => !is_voiceless(last),
        After::Voiceless => is_voiceless(last),
        After::VerbalVowel => verbal_vowel(stem),
        After::VerbVowel => is_true_vowel(last) && is_verb_like(stem),
        After::VerbConsonant => !is_true_vowel(last) && is_verb_like(stem),
        After::VerbVowelNotDa => {
            is_true_vowel(last)
                && is_verb_like(stem)
                && (!inner.ends_with('д') || is_verb_root(stem))
        }
        After::VerbRoot => is_verb_root(stem),
        After::DesireVoiced => (is_true_vowel(last) || is_sonorant(last)) && is_verb_like(stem),
        After::DesireVoiceless => is_voiceless(last) && is_verb_like(stem),
        After::L => last == 'л',
        After::RecipStem => recip_stem(stem),
        After::FutureStem => {
            !is_true_vowel(last) && (is_verb_root(stem) || last != 'л' && is_verb_like(stem))
        }
        After::RootOrCausative => {
            is_verb_root(stem)
                || syllables(stem) >= 2
                    && ["ыр", "ір", "ғыз", "гіз", "қыз", "кіз", "ыт", "іт"]
                        .iter()
                        .any(|x| stem.ends_with(x))
        }
        After::ConverbA => {
            !is_true_vowel(last)
                && (is_verb_root(stem)
                    || syllables(stem) >= 2
                        && [
                            "ыр", "ір", "ғыз", "гіз", "қыз", "кіз", "ыт", "іт", "ыл", "іл",
                        ]
                        .iter()
                        .any(|x| stem.ends_with(x)))
        }
        After::PastVowel => {
            is_true_vowel(last)
                && is_verb_like(stem)
                && (is_protected(stem) || !is_verb_root(inner))
        }
        After::TimeNoun => matches!(last, 'л' | 'н') && stem.chars().count() >= 3,
        After::VowelNotParticiple => {
            is_true_vowel(last)
                && (is_protected(stem)
                    || !(["ға", "ге", "қа", "ке"].iter().any(|x| stem.ends_with(x))
                        && syllables(stem) >= 2
                        && stem.chars().rev().nth(2).is_some_and(|c| !is_vowel(c))))
        }
        After::ConverbStem => {
            !is_true_vowel(last)
                && (syllables(stem) <= 1
                    || is_verb_like(stem)
                    || stem.ends_with(['л', 'н'])
                    // `ғ`, `г`, `б` end a stem only where its `қ`, `к`, `п`
                    // is voiced before a vowel (`жолығ-ып`, `таб-ып`)
                    || stem.ends_with(['ғ', 'г', 'б'])
                    || ["ыс", "іс", "ас", "ес"].iter().any(|x| stem.ends_with(x)))
        }
        After::La => after_la(stem),
        After::Conditional => {
            if is_true_vowel(last) || last == 'с' {
                is_verb_like(stem)
            } else {
                true
            }
        }
        After::Passive => {
            // The reflexive-looking `-ын` is the passive after `л`
            // (`ал-ын`, `біл-ін`), and `-н` after a stem in `-ла`
            // (`жарияла-н`).
            let voice = |v: &str, root: &str| {
                (v == "л"
                    && (is_verb_like(root)
                        || syllables(root) >= 2
                        || root.ends_with('ы')
                        || root.ends_with('і')))
                    || (v == "н" && root.ends_with('л'))
            };
            match last {
                // the reciprocal before the past `-ты` (`кел-іс-ті`)
                'с' => {
                    let with_vowel = inner
                        .strip_suffix('ы')
                        .or_else(|| inner.strip_suffix('і'))
                        .is_some_and(|root| {
                            root.chars().next_back().is_some_and(|c| !is_true_vowel(c))
                                && recip_stem(root)
                        });
                    let bare =
                        inner.chars().next_back().is_some_and(is_true_vowel) && recip_stem(inner);
                    with_vowel || bare
                }
                'л' | 'н' => {
                    let v = if last == 'л' { "л" } else { "н" };
                    // `бер-іл`, `сал-ын`: the vowel belongs to the suffix.
                    let with_vowel = inner
                        .strip_suffix('ы')
                        .or_else(|| inner.strip_suffix('і'))
                        .is_some_and(|root| {
                            root.chars().next_back().is_some_and(|c| !is_true_vowel(c))
                                && voice(v, root)
                        });
                    // `баста-л`: after a vowel the suffix is a bare consonant.
                    let bare = inner.chars().next_back().is_some_and(is_true_vowel)
                        && (v == "л" && is_verb_like(inner) || v == "н" && after_la(inner));
                    with_vowel || bare
                }
                _ => false,
            }
        }
        After::VowelBeforeSy => match last {
            'ы' | 'і' => inner
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, 'ш' | 'г' | 'к')),
            c => is_true_vowel(c),
        },
        After::Poss3 => (last == 'ы' || last == 'і') && long_enough(inner),
        After::Poss12 => match last {
            // `бас-ым-а`; a vowel + `-ма` is far more often a noun in `-ма`
            // (`бағдарлама`, `баяндама`) than `бала-м-а`
            'м' => (inner.ends_with('ы') || inner.ends_with('і')) && long_enough(inner),
            'ң' => long_enough(inner),
            _ => false,
        },
    }
}

/// See [`After::RecipStem`].
fn recip_stem(s: &str) -> bool {
    let Some(last) = s.chars().next_back() else {
        return false;
    };
    if is_true_vowel(last) {
        is_verb_root(s) || verbal_vowel(s)
    } else {
        is_verb_root(s)
            || syllables(s) >= 2
                && ["ыр", "ір", "тыр", "тір", "ғыз", "гіз"]
                    .iter()
                    .any(|x| s.ends_with(x))
    }
}

/// A vowel-final verb stem with an `л` in it, whose passive is `-н`
/// rather than a second `-л` (`жарияла-н-ды`, `қабылда-н-ды`). On a stem of
/// two syllables `-лан`/`-дан` is mostly a verb of its own (`қолдан-`
/// "use" beside `қолда-` "support", `ойлан-` beside `ойла-`), so it is kept.
fn after_la(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_true_vowel)
        && s.contains('л')
        && syllables(s) >= 3
        && is_verb_like(s)
}

/// The end of a denominal verb stem, see [`After::VerbalVowel`].
fn verbal_vowel(stem: &str) -> bool {
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
///
/// The 1st person singular `-мын` is not taken after a vowel: a word in
/// `-Vмын` is far more often a root in `-м` with possessive + accusative
/// (`қоғам-ы-н`, `адам-ы-н`) than a vowel-final noun with `-мын`.
const PREDICATIVE: Table = &[
    ("сыңдар", After::Any),
    ("сіңдер", After::Any),
    ("сыздар", After::Any),
    ("сіздер", After::Any),
    ("мын", After::Sonorant),
    ("мін", After::Sonorant),
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

/// Case endings, with the attributive `-дағы` "the one in X" and `-ғы`
/// "of (the time) X" (`жыл-ғы` "of the year").
const CASE: Table = &[
    // attributive locative
    ("ндағы", After::Poss3),
    ("ндегі", After::Poss3),
    ("дағы", After::VowelOrSonorant),
    ("дегі", After::VowelOrSonorant),
    ("тағы", After::Voiceless),
    ("тегі", After::Voiceless),
    // instrumental (`-мен` is not subject to harmony)
    ("менен", After::NotVoiceless),
    ("бенен", After::Sonorant),
    ("пенен", After::Voiceless),
    ("мен", After::NotVoiceless),
    ("бен", After::Sonorant),
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
    ("ны", After::VowelNotParticiple),
    ("ні", After::VowelNotParticiple),
    ("ды", After::Sonorant),
    ("ді", After::Sonorant),
    ("ты", After::Voiceless),
    ("ті", After::Voiceless),
    ("н", After::Poss3),
    // attributive `-ғы` of time (`жыл-ғы`, `бүгін-гі`)
    ("ғы", After::TimeNoun),
    ("гі", After::TimeNoun),
];

/// Possessive endings. Longest first, so that `-ымыз` wins over `-ыз`.
///
/// The 1st person singular `-(ы)м` is only removed before the dative `-а`
/// (`бас-ым-а`), which shows it unambiguously: elsewhere it reads the same
/// as the end of a root (`адам`, `ғылым`, `білім`), which is far more common.
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
    // 2nd person singular
    ("ың", After::Consonant),
    ("ің", After::Consonant),
    // 3rd person
    ("сы", After::VowelBeforeSy),
    ("сі", After::VowelBeforeSy),
    ("ы", After::Consonant),
    ("і", After::Consonant),
];

/// 1st/2nd person singular possessive, removed only before the dative `-а`.
const POSSESSIVE_12: Table = &[
    ("ым", After::Consonant),
    ("ім", After::Consonant),
    ("ың", After::Consonant),
    ("ің", After::Consonant),
    ("м", After::Vowel),
    ("ң", After::Vowel),
];

/// A final `ы`/`і` after a consonant, read as the 3rd-person possessive.
const FINAL_Y: Table = &[("ы", After::Consonant), ("і", After::Consonant)];

/// Plural endings.
const PLURAL: Table = &[
    ("лар", After::VowelOrRju),
    ("лер", After::VowelOrRju),
    ("дар", After::LzhNasal),
    ("дер", After::LzhNasal),
    ("тар", After::Voiceless),
    ("тер", After::Voiceless),
];

/// Finite verb endings (tense or mood with its person ending) that cannot
/// be read as a nominal suffix where they are allowed.
const FINITE_VERB: Table = &[
    // evidential past `-ыпты`
    ("ыпты", After::Consonant),
    ("іпті", After::Consonant),
    ("пты", After::VerbVowel),
    ("пті", After::VerbVowel),
    // present-future: `-а/-е` after a consonant, `-й` after a vowel, with
    // the person ending; the 3rd person `-ды` is unambiguous after `-а`.
    ("асыңдар", After::VerbConsonant),
    ("есіңдер", After::VerbConsonant),
    ("асыздар", After::VerbConsonant),
    ("есіздер", After::VerbConsonant),
    ("йсыңдар", After::VerbVowel),
    ("йсіңдер", After::VerbVowel),
    ("йсыздар", After::VerbVowel),
    ("йсіздер", After::VerbVowel),
    ("амын", After::VerbConsonant),
    ("емін", After::VerbConsonant),
    ("асың", After::VerbConsonant),
    ("есің", After::VerbConsonant),
    ("асыз", After::VerbConsonant),
    ("есіз", After::VerbConsonant),
    ("амыз", After::VerbConsonant),
    ("еміз", After::VerbConsonant),
    ("ймын", After::VerbVowel),
    ("ймін", After::VerbVowel),
    ("йсың", After::VerbVowel),
    ("йсің", After::VerbVowel),
    ("йсыз", After::VerbVowel),
    ("йсіз", After::VerbVowel),
    ("ймыз", After::VerbVowel),
    ("йміз", After::VerbVowel),
    // A known vowel-final verb stem takes the past `-ды` (`істе-ді`,
    // `бол-ма-ды`); other stems in `-а` + `-ды` are the present tense of a
    // consonant stem (`кел-е-ді`, `тап`/`таб-а-ды`).
    ("ды", After::PastVowel),
    ("ді", After::PastVowel),
    ("ады", After::Consonant),
    ("еді", After::Consonant),
    ("йды", After::VerbVowel),
    ("йді", After::VerbVowel),
    // `оқы-й-ды` is written `оқиды`: the stem's `ы` merges into `и`
    ("иды", After::Consonant),
    ("иді", After::Consonant),
    ("имын", After::Consonant),
    ("имін", After::Consonant),
    ("имыз", After::Consonant),
    ("иміз", After::Consonant),
    // the optative of a root in `-ы`/`-і`, whose vowel and `й` are written
    // `и`: `оқы-йын` is `оқиын`, `оқы-йық` `оқиық`
    ("иын", After::Consonant),
    ("иін", After::Consonant),
    ("иық", After::Consonant),
    ("иік", After::Consonant),
    // colloquial 1st person `бар-а-м`
    ("ам", After::VerbConsonant),
    ("ем", After::VerbConsonant),
    // optative 1st person
    ("айын", After::VerbConsonant),
    ("ейін", After::VerbConsonant),
    ("йын", After::VerbVowel),
    ("йін", After::VerbVowel),
    ("айық", After::VerbConsonant),
    ("ейік", After::VerbConsonant),
    ("йық", After::VerbVowel),
    ("йік", After::VerbVowel),
    // past `-ды` with a person ending (a noun never has `-ды-м`)
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
    // past `-ды` after a vowel (a noun would take the accusative `-ны`
    // there) or after the passive `-л` (`бер-іл-ді`)
    ("ды", After::Vowel),
    ("ді", After::Vowel),
    ("ды", After::Passive),
    ("ді", After::Passive),
    ("ты", After::Passive),
    ("ті", After::Passive),
    // conditional `-са` with a person ending
    ("саңыздар", After::Any),
    ("сеңіздер", After::Any),
    ("саңыз", After::Any),
    ("сеңіз", After::Any),
    ("саңдар", After::Any),
    ("сеңдер", After::Any),
    ("сам", After::Any),
    ("сем", After::Any),
    ("саң", After::Any),
    ("сең", After::Any),
    ("сақ", After::Any),
    ("сек", After::Any),
    ("са", After::Conditional),
    ("се", After::Conditional),
    // desiderative `-ғы` with a possessive, the verb's half of `бар-ғы-м
    // кел-еді` "I want to go" (`-ғы` after a vowel or sonorant, `-қы` after
    // a voiceless consonant; never on a noun, whose `-ғы` is attributive and
    // takes no possessive)
    ("ғыңыз", After::DesireVoiced),
    ("гіңіз", After::DesireVoiced),
    ("ғымыз", After::DesireVoiced),
    ("гіміз", After::DesireVoiced),
    ("ғылары", After::DesireVoiced),
    ("гілері", After::DesireVoiced),
    ("ғысы", After::DesireVoiced),
    ("гісі", After::DesireVoiced),
    ("ғым", After::DesireVoiced),
    ("гім", After::DesireVoiced),
    ("ғың", After::DesireVoiced),
    ("гің", After::DesireVoiced),
    ("қыңыз", After::DesireVoiceless),
    ("кіңіз", After::DesireVoiceless),
    ("қымыз", After::DesireVoiceless),
    ("кіміз", After::DesireVoiceless),
    ("қылары", After::DesireVoiceless),
    ("кілері", After::DesireVoiceless),
    ("қысы", After::DesireVoiceless),
    ("кісі", After::DesireVoiceless),
    ("қым", After::DesireVoiceless),
    ("кім", After::DesireVoiceless),
    ("қың", After::DesireVoiceless),
    ("кің", After::DesireVoiceless),
    // imperative 3rd person (after a vowel `-сын` is possessive + accusative)
    ("сын", After::Consonant),
    ("сін", After::Consonant),
    // converb `-ып`/`-п`
    ("ып", After::ConverbStem),
    ("іп", After::ConverbStem),
    ("п", After::VerbVowel),
    // converb `-ғалы` "since", `-мастан` "without"
    ("ғалы", After::VowelOrSonorant),
    ("гелі", After::VowelOrSonorant),
    ("қалы", After::Voiceless),
    ("келі", After::Voiceless),
    ("мастан", After::Any),
    ("местен", After::Any),
    ("бастан", After::ZhzNasal),
    ("бестен", After::ZhzNasal),
    ("пастан", After::Voiceless),
    ("пестен", After::Voiceless),
    // past 1st person plural `-дық`; only where the derivational `-лық`
    // could not stand (after a vowel or `р й у`: `бастa-дық`, `бар-дық`)
    ("дық", After::VowelOrRju),
    ("дік", After::VowelOrRju),
    // after other consonants, only on a listed root or a causative
    // (`кел-дік`, `аш-тық`, `өткіз-дік`; not `ұлт-тық`, `кеңес-тік`)
    ("дық", After::RootOrCausative),
    ("дік", After::RootOrCausative),
    ("тық", After::RootOrCausative),
    ("тік", After::RootOrCausative),
    // converb `-ғанша` "until"
    ("ғанша", After::VowelOrSonorant),
    ("генше", After::VowelOrSonorant),
    ("қанша", After::Voiceless),
    ("кенше", After::Voiceless),
    // polite imperative `бер-іңіз`
    ("ыңыздар", After::VerbConsonant),
    ("іңіздер", After::VerbConsonant),
    ("ыңыз", After::VerbConsonant),
    ("іңіз", After::VerbConsonant),
    // negative converb `-май`
    ("май", After::VowelOrRjuL),
    ("мей", After::VowelOrRjuL),
    ("бай", After::ZhzNasal),
    ("бей", After::ZhzNasal),
    ("пай", After::Voiceless),
    ("пей", After::Voiceless),
    // intention `-мақ`
    ("мақшы", After::VowelOrRjuL),
    ("мекші", After::VowelOrRjuL),
    ("мақ", After::VerbVowel),
    ("мек", After::VerbVowel),
    ("мақ", After::VerbConsonant),
    ("мек", After::VerbConsonant),
    // past, 2nd person plural: `бар-дыңдар`, `кел-діңдер`, `айт-тыңдар`
    // (a noun's plural comes before its genitive, never after)
    ("дыңдар", After::VowelOrSonorant),
    ("діңдер", After::VowelOrSonorant),
    ("тыңдар", After::Voiceless),
    ("тіңдер", After::Voiceless),
    // polite and plural negative imperative of a listed root: `бар-маңыз`,
    // `айт-паңыздар`, `жаз-баңдар` (`маңыз` "importance" alone is no verb)
    ("маңыздар", After::VerbRoot),
    ("меңіздер", After::VerbRoot),
    ("баңыздар", After::VerbRoot),
    ("беңіздер", After::VerbRoot),
    ("паңыздар", After::VerbRoot),
    ("пеңіздер", After::VerbRoot),
    ("маңыз", After::VerbRoot),
    ("меңіз", After::VerbRoot),
    ("баңыз", After::VerbRoot),
    ("беңіз", After::VerbRoot),
    ("паңыз", After::VerbRoot),
    ("пеңіз", After::VerbRoot),
    ("маңдар", After::VerbRoot),
    ("меңдер", After::VerbRoot),
    ("баңдар", After::VerbRoot),
    ("беңдер", After::VerbRoot),
    ("паңдар", After::VerbRoot),
    ("пеңдер", After::VerbRoot),
    // the softened imperative `-шы`/`-ші` of a listed root: `айт-шы`,
    // `кел-ші`, `оқы-шы` (the agent participle `жаз-ушы` is a participle's)
    ("шы", After::VerbRoot),
    ("ші", After::VerbRoot),
    // converb and present participle `-а`/`-е`/`-й` of a known verb
    ("а", After::ConverbA),
    ("е", After::ConverbA),
    ("й", After::VerbVowelNotDa),
];

/// Participles and the verbal noun, which are declined like nouns
/// (`кел-ген-де`, `ал-ған-ы-н`, `ал-у-ға`).
const PARTICIPLE: Table = &[
    ("атын", After::VerbConsonant),
    ("етін", After::VerbConsonant),
    ("йтын", After::VerbVowel),
    ("йтін", After::VerbVowel),
    ("ған", After::VowelOrSonorant),
    ("ген", After::VowelOrSonorant),
    ("қан", After::Voiceless),
    ("кен", After::Voiceless),
    // negative future `-мас`
    ("мас", After::VerbVowel),
    ("мес", After::VerbVowel),
    ("мас", After::VerbConsonant),
    ("мес", After::VerbConsonant),
    ("бас", After::VerbConsonant),
    ("бес", After::VerbConsonant),
    ("пас", After::VerbConsonant),
    ("пес", After::VerbConsonant),
    // future `-ар`/`-р` of a known verb (`бар-ар`, `де-р`)
    ("ар", After::FutureStem),
    ("ер", After::FutureStem),
    ("р", After::VerbRoot),
    // the habitual participle of a root in `-ы`/`-і`, whose vowel and `й`
    // are written `и`: `оқы-йтын` is `оқитын`
    ("итын", After::Consonant),
    ("итін", After::Consonant),
    // The agent participle `-ушы`/`-уші` (`басқар-ушы`, `қабылда-ушы`),
    // which the treebank lemmatises to its verb.
    ("ушы", After::Consonant),
    ("уші", After::Consonant),
    ("ушы", After::VerbVowel),
    ("уші", After::VerbVowel),
    // The verbal noun `-у`: after a consonant (`ал-у`, `бер-у`), and after
    // a vowel when the stem is recognisably a verb (`сайла-у`, `сақта-у`).
    ("у", After::Consonant),
    ("у", After::VerbVowel),
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

/// Passive `-ыл`/`-л` (and `-ын`/`-н` where the stem has an `л`) and the
/// reciprocal `-ыс`/`-с`, which the dictionary form of a verb does not
/// include (`бер-іл-ді`, `баста-л-ды`, `ал-ын-ды`, `кел-іс-ті`). The
/// reciprocal is only taken off a recognisable verb stem: elsewhere `-ыс`
/// is the end of a noun (`жиналыс`, `байланыс`).
const VOICE: Table = &[
    ("ыл", After::Consonant),
    ("іл", After::Consonant),
    ("л", After::Vowel),
    ("ын", After::L),
    ("ін", After::L),
    ("н", After::La),
    ("ыс", After::RecipStem),
    ("іс", After::RecipStem),
    ("с", After::RecipStem),
];

// ---------------------------------------------------------------------------
// Layers
// ---------------------------------------------------------------------------

/// Removes the first suffix of `table` (longest are listed first) whose
/// context, harmony and remaining length all fit.
fn strip_one_of(s: &str, table: Table) -> Option<&str> {
    table
        .iter()
        .find_map(|&(suffix, after)| fits(s, suffix, after))
}

/// What is left of `s` without `suffix`, if context, harmony and remaining
/// length allow its removal.
fn fits<'a>(s: &'a str, suffix: &str, after: After) -> Option<&'a str> {
    // Most of a table's endings end in another letter: a byte tells them at once.
    if s.as_bytes().last() != suffix.as_bytes().last() {
        return None;
    }
    s.strip_suffix(suffix).filter(|rest| {
        (long_enough(rest) || is_verb_root(rest))
            && harmony_agrees(rest, suffix)
            && follows(rest, after)
    })
}

/// Like [`strip_one_of`], returning `s` unchanged when nothing fits or `s`
/// is a protected root.
fn strip_one(s: &str, table: Table) -> &str {
    if is_protected(s) {
        return s;
    }
    strip_one_of(s, table).unwrap_or(s)
}

fn strip_finite_verb(s: &str) -> Option<Stem<'_>> {
    let v = strip_one_of(s, FINITE_VERB)?;
    // The converb `-ып` of a root in `-п` is written `-уып` (`тап` / `тауып`).
    if s.ends_with("уып") || s.ends_with("уіп") {
        let head = &v[..v.len() - 'у'.len_utf8()];
        let mut chars = head.chars();
        if let (Some(c), Some(vw), None) = (chars.next(), chars.next(), chars.next()) {
            if !is_vowel(c) && is_true_vowel(vw) {
                return Some((head, "п"));
            }
        }
    }
    Some(verb_stem(v))
}

fn strip_participle(s: &str) -> Option<&str> {
    strip_one_of(s, PARTICIPLE)
}

/// Negation, then voice, off a verb stem. A stem in consonant + `ы`/`і`
/// (`оқы-`, `құры-`) loses that vowel, as it does before the verbal noun
/// `-у` and the present `-й` (`оқ-у`, `оқ-и-ды`).
fn verb_stem(s: &str) -> Stem<'_> {
    let s = strip_one(s, NEGATION);
    // Up to two voice suffixes (`пайдала-н-ыл-ады`).
    let mut s = s;
    // A rest ending in two consonants (`ұмт-ыл`) is a root cut too deep,
    // unless it is a listed root (`тарт-ыл`).
    for _ in 0..2 {
        if is_verb_root(s) || !long_enough_for_voice(s) {
            break;
        }
        let rest = strip_one(s, VOICE);
        if ends_in_cluster(rest) && !is_verb_root(rest) {
            break;
        }
        s = rest;
    }
    let s = match s.strip_suffix('ы').or_else(|| s.strip_suffix('і')) {
        Some(r) if r.chars().next_back().is_some_and(|c| !is_vowel(c)) && long_enough(r) => r,
        _ => s,
    };
    (s, "")
}

fn ends_in_cluster(s: &str) -> bool {
    let mut r = s.chars().rev();
    matches!((r.next(), r.next()), (Some(a), Some(b)) if !is_vowel(a) && !is_vowel(b))
}

/// Voice is only taken off a stem that keeps a syllable and a consonant
/// after it (`ал-ын`, not `ы-н`).
fn long_enough_for_voice(s: &str) -> bool {
    s.chars().count() >= 3
}

/// Case, reporting whether it was the dative `-а` after a 1st/2nd person
/// possessive (which then must be removed too).
fn strip_case(s: &str) -> (&str, bool) {
    if is_protected(s) {
        return (s, false);
    }
    // A shorter ending that leaves a protected root wins (`орын-да`, not
    // `оры-нда`).
    let protected = CASE
        .iter()
        .filter_map(|&(suffix, after)| fits(s, suffix, after))
        .find(|rest| is_protected(rest));
    match protected.or_else(|| strip_one_of(s, CASE)) {
        Some(rest) => {
            let after_12 = matches!(&s[rest.len()..], "а" | "е");
            (rest, after_12)
        }
        None => (s, false),
    }
}

fn strip_possessive(s: &str, after_12: bool) -> &str {
    if after_12 {
        return strip_one(s, POSSESSIVE_12);
    }
    let rest = strip_one(s, POSSESSIVE);
    // A noun in consonant + `ы`/`і` (`үлгі`, `басшы`) loses that vowel
    // where it stands alone (read as a possessive, `үлг-і`); so it does
    // before its own possessive `-сі` too.
    if s.len() - rest.len() == "сі".len() && (s.ends_with("сы") || s.ends_with("сі")) {
        return strip_one(rest, FINAL_Y);
    }
    rest
}

/// Undoes the alternations at the end of a stem: restores a dropped vowel
/// (`ауз` → `ауыз`) and devoices the final consonant (`таб` → `тап`).
fn normalise_end(out: &mut String) {
    if let Some(&(_, full)) = VOWEL_DROP.iter().find(|&&(short, _)| short == out.as_str()) {
        out.clear();
        out.push_str(full);
        return;
    }
    if let Some(last) = out.chars().next_back() {
        let d = devoiced(last);
        if d != last && out.chars().count() > 1 {
            out.pop();
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        is_nasal, is_true_vowel, is_voiceless, stem, stem_harmony, stem_into, Harmony, VERB_ROOTS,
    };

    fn all_stem_to(words: &[&str], expected: &str) {
        for w in words {
            assert_eq!(stem(w), expected, "stem({w:?})");
        }
    }

    // --- nouns: case, possessive, plural -------------------------------

    #[test]
    fn dative_after_back_vowel() {
        all_stem_to(&["республикаға", "республика"], "республика");
        all_stem_to(&["қалаға", "қала"], "қала");
    }

    #[test]
    fn dative_after_voiceless_consonant() {
        all_stem_to(&["кітапқа"], "кітап");
        all_stem_to(&["депутатқа"], "депутат");
    }

    #[test]
    fn genitive_allomorphs() {
        all_stem_to(&["баланың"], "бала");
        all_stem_to(&["адамның"], "адам");
        all_stem_to(&["ауылдың"], "ауыл");
        all_stem_to(&["үкіметтің"], "үкімет");
    }

    #[test]
    fn locative_and_ablative_after_possessive_take_n() {
        all_stem_to(&["ауданында", "ауданынан", "ауданына", "аудан"], "аудан");
    }

    #[test]
    fn attributive_locative() {
        all_stem_to(&["қаладағы", "қала"], "қала");
        all_stem_to(&["елдегі", "ел"], "ел");
    }

    #[test]
    fn instrumental_ignores_harmony() {
        all_stem_to(&["адаммен", "адам"], "адам");
        all_stem_to(&["үймен", "үй"], "үй");
        all_stem_to(&["жылмен", "жыл"], "жыл");
    }

    #[test]
    fn plural_allomorphs() {
        all_stem_to(&["балалар"], "бала");
        all_stem_to(&["адамдар"], "адам");
        all_stem_to(&["депутаттар"], "депутат");
        all_stem_to(&["үйлер"], "үй");
    }

    #[test]
    fn possessive_sy_after_vowel() {
        all_stem_to(&["партиясы", "партиялар", "партиясының"], "партия");
    }

    #[test]
    fn first_person_plural_possessive() {
        all_stem_to(&["еліміз", "елімізде", "еліміздің"], "ел");
    }

    #[test]
    fn first_person_singular_possessive_only_before_dative_a() {
        assert_eq!(stem("басыма"), "бас");
        // a root in `-ым` is not a possessive
        all_stem_to(&["ғылым", "ғылымы", "ғылымға"], "ғылым");
    }

    #[test]
    fn predicative_ending_on_a_noun() {
        all_stem_to(&["студентпін", "студент"], "студент");
    }

    // --- stem-final alternations ----------------------------------------

    #[test]
    fn final_k_voices_before_vowel() {
        all_stem_to(&["аймақ", "аймағы", "аймағында", "аймақтың"], "аймақ");
        all_stem_to(&["бірлік", "бірлігі", "бірлікке"], "бірлік");
    }

    #[test]
    fn final_p_voices_before_vowel() {
        all_stem_to(&["кітап", "кітабы", "кітабын", "кітаптар"], "кітап");
        all_stem_to(&["тап", "табады", "табу", "тапты"], "тап");
    }

    #[test]
    fn final_p_becomes_u_before_converb() {
        assert_eq!(stem("тауып"), "тап");
    }

    #[test]
    fn vowel_drops_before_vowel_suffix() {
        all_stem_to(&["ауыз", "аузы", "аузынан"], "ауыз");
        all_stem_to(&["орын", "орны", "орнына", "орындар"], "орын");
        all_stem_to(&["халық", "халқы", "халқының", "халықтың"], "халық");
        all_stem_to(&["ерін", "ерні"], "ерін");
    }

    // --- verbs --------------------------------------------------------------

    #[test]
    fn present_tense_of_consonant_and_vowel_stems() {
        all_stem_to(&["келеді", "келемін", "келесің"], "кел");
        all_stem_to(&["сақтайды", "сақтаймыз"], "сақта");
    }

    #[test]
    fn past_tense_of_vowel_stem_is_not_present_of_consonant_stem() {
        all_stem_to(&["істеді", "істейді", "істеп"], "істе");
        all_stem_to(&["қолдады", "қолдайды"], "қолда");
    }

    #[test]
    fn negation_before_tense() {
        all_stem_to(&["болмады", "болмайды", "болмай", "болмаса"], "бол");
        all_stem_to(&["кетпеді", "кетпейді"], "кет");
    }

    #[test]
    fn passive_and_reflexive_voice() {
        all_stem_to(&["берілді", "берілген", "беріледі"], "бер");
        all_stem_to(&["басталды", "бастады"], "баста");
        all_stem_to(&["салынды", "салды"], "сал");
    }

    #[test]
    fn converbs() {
        all_stem_to(&["алып", "ала", "алмай"], "ал");
        all_stem_to(&["деп", "дей", "деді"], "де");
    }

    #[test]
    fn participles_are_declined_like_nouns() {
        all_stem_to(&["келген", "келгенде", "келгенін", "келгендеріңіз"], "кел");
        all_stem_to(&["болатын", "болған", "болғанын"], "бол");
    }

    #[test]
    fn stem_final_y_merges_with_present_j() {
        all_stem_to(&["оқиды", "оқу", "оқып", "оқыған"], "оқ");
    }

    #[test]
    fn conditional_and_imperative() {
        all_stem_to(&["барса", "барсын", "барсам"], "бар");
    }

    #[test]
    fn softened_imperative_in_shy_and_shi() {
        all_stem_to(&["айтшы", "айтты", "айту"], "айт");
        all_stem_to(&["келші", "келді"], "кел");
        // A noun in `-шы` on a root that is a noun too stays itself.
        assert_eq!(stem("басшысы"), stem("басшы"));
        assert_eq!(stem("көршінің"), "көрші");
    }

    #[test]
    fn agent_participle_in_ushy_goes_to_its_verb() {
        all_stem_to(&["басқарушы", "басқарды", "басқару"], "басқар");
        all_stem_to(&["қабылдаушы", "қабылдады"], "қабылда");
        all_stem_to(&["жазушы", "жазды"], "жаз");
    }

    #[test]
    fn converb_after_a_voiced_stem_final_consonant() {
        // `жолық-` "meet": `жолығ-ып`, its `қ` voiced before the vowel.
        all_stem_to(&["жолығып", "жолықты", "жолыққан"], "жолық");
    }

    #[test]
    fn optative_of_a_root_in_y() {
        all_stem_to(&["оқиын", "оқиық", "оқиды", "оқу"], "оқ");
        all_stem_to(&["барайын", "барайық"], "бар");
    }

    #[test]
    fn past_tense_second_person_plural() {
        // `-дыңдар` after a sonorant, `-тыңдар` after a voiceless consonant.
        all_stem_to(&["бардыңдар", "бардым", "барды"], "бар");
        all_stem_to(&["айттыңдар", "айттым"], "айт");
        all_stem_to(&["келдіңдер", "келдім"], "кел");
    }

    #[test]
    fn polite_and_plural_negative_imperative() {
        // `-маңыз` after a sonorant, `-паңыз` after a voiceless consonant,
        // `-баңдар` after `з`; `маңыз` "importance" is a noun of its own.
        all_stem_to(&["бармаңыз", "бармаңыздар", "бармаңдар"], "бар");
        all_stem_to(&["айтпаңыз", "айтпаңыздар"], "айт");
        all_stem_to(&["жазбаңдар", "жазды"], "жаз");
        assert_eq!(stem("маңызды"), stem("маңыз"));
    }

    #[test]
    fn desiderative_in_gy_with_a_possessive() {
        // `-ғы` after a vowel or sonorant, `-қы` after a voiceless
        // consonant, then the possessive of the one who wants
        all_stem_to(
            &["барғым", "барғың", "барғысы", "барғымыз", "барғыңыз"],
            "бар",
        );
        all_stem_to(&["келгісі", "келгім", "келеді"], "кел");
        all_stem_to(&["айтқысы", "айтқым", "айтты"], "айт");
        all_stem_to(&["тарағысы", "тараған"], "тара");
        // negated before the desiderative: `бар-ма-ғы-м`
        assert_eq!(stem("бармағым"), "бар");
        // `алғыс` "thanks" is a noun with a possessive, not `ал-ғы-сы`
        all_stem_to(&["алғысы", "алғысын", "алғыс"], "алғыс");
        // the attributive `-ғы` of a noun takes no possessive of a verb
        assert_ne!(stem("кейінгісі"), "кейін");
    }

    #[test]
    fn bare_negative_imperative_is_left_to_the_nouns_in_ma() {
        // `-ма`/`-ба`/`-па` at a word's end is far more often a noun made
        // from the verb (`көр-ме` "exhibition", `жаз-ба` "record", `қой-ма`
        // "store") than "don't!", so only the polite and plural forms are
        // read as the negative imperative.
        assert_ne!(stem("көрме"), stem("көрді"));
        assert_ne!(stem("жазба"), stem("жазды"));
        assert_ne!(stem("қойма"), stem("қойды"));
    }

    #[test]
    fn reciprocal_voice_on_a_verb_but_not_on_a_noun() {
        all_stem_to(&["келісті", "келіседі", "келген"], "кел");
        all_stem_to(&["жиналысты", "жиналысы"], "жиналыс");
    }

    #[test]
    fn passive_n_after_a_stem_with_l() {
        all_stem_to(&["жарияланды", "жариялады", "жарияланған"], "жарияла");
        // `қолдан-` "use" is a verb of its own beside `қолда-` "support"
        assert_ne!(stem("қолданылды"), stem("қолдады"));
    }

    #[test]
    fn negative_participle_and_converbs_of_time() {
        all_stem_to(&["келмес", "келгенше", "келгелі", "келместен"], "кел");
    }

    #[test]
    fn verbal_noun_after_j_is_written_ju() {
        all_stem_to(&["құю", "құйды", "құйған"], "құй");
    }

    #[test]
    fn present_of_a_stem_in_y() {
        all_stem_to(&["оқимын", "оқыдым"], "оқ");
    }

    #[test]
    fn past_first_person_plural_only_on_a_verb() {
        assert_eq!(stem("келдік"), "кел");
        assert_eq!(stem("ұлттық"), "ұлттық");
    }

    #[test]
    fn country_names_in_stan_keep_their_ending() {
        all_stem_to(&["қазақстан", "қазақстанда", "қазақстанның"], "қазақстан");
        assert_eq!(stem("облыстан"), "облыс");
    }

    #[test]
    fn nouns_in_ma_are_not_a_possessive_dative() {
        all_stem_to(
            &["бағдарлама", "бағдарламаға", "бағдарламасы"],
            "бағдарлама",
        );
    }

    #[test]
    fn noun_in_consonant_y_meets_its_plural() {
        let a = stem("басшы");
        for w in ["басшылар", "басшысы", "басшылары"] {
            assert_eq!(stem(w), a, "{w:?}");
        }
    }

    #[test]
    fn colloquial_contractions() {
        assert_eq!(stem("боп"), "бол");
        assert_eq!(stem("қып"), "қыл");
    }

    // --- what must not be cut ---------------------------------------------

    #[test]
    fn roots_that_end_like_a_suffix_are_kept() {
        for w in [
            "кітап",
            "аудан",
            "қала",
            "бас",
            "орын",
            "жақын",
            "нәрсе",
            "алтын",
        ] {
            assert_eq!(stem(w), w);
        }
    }

    #[test]
    fn noun_qala_and_verb_qal_meet_only_where_the_forms_do() {
        all_stem_to(&["қала", "қалада", "қалалар", "қаласы"], "қала");
        all_stem_to(&["қалды", "қалады", "қалған"], "қал");
    }

    /// Forms of one lemma that must reach one stem. The lemma is given
    /// first; the stem itself may differ from it.
    #[test]
    fn word_families_conflate() {
        let families: &[&[&str]] = &[
            &[
                "сайлау",
                "сайлауды",
                "сайлауға",
                "сайлауда",
                "сайлаудың",
                "сайлауын",
            ],
            &["депутат", "депутаттар", "депутаттары", "депутаттардың"],
            &["республика", "республикаға"],
            &["үкімет", "үкіметі", "үкіметтің"],
            &[
                "жиналыс",
                "жиналысы",
                "жиналысын",
                "жиналысының",
                "жиналысты",
            ],
            // `құрылтайшы` "delegate" is an agent noun of its own: kept apart
            &["құрылтай", "құрылтайы", "құрылтайда", "құрылтайдың"],
            &["партия", "партиясы", "партиялар", "партиялардың"],
            &["ұлттық", "ұлттықтың"],
            &[
                "шақыру",
                "шақырудың",
                "шақыруға",
                "шақырылуын",
                "шақырылғанға",
                "шақырды",
            ],
            &["мақала", "мақаланың", "мақалалар"],
            &["материал", "материалдар"],
            // `тарихи` "historical" is an adjective of its own: kept apart
            &["тарих", "тарихы", "тарихта"],
            &["қазақ", "қазақтардың", "қазақтың"],
            // `большевиктік` "Bolshevik (adj.)" is a derived adjective: kept apart
            &["большевиктер", "большевиктің", "большевик"],
            &["автономия", "автономиясы"],
            &["алаш", "алаштың"],
            &["жыл", "жылдың", "жылы", "жылдар"],
            &["қараша", "қарашасына", "қарашада"],
            &["белгіледі", "белгілейді", "белгілеу"],
            &["мойындады", "мойындайтынына", "мойындау"],
            &["ел", "елі", "еліміздің", "елдер", "елде"],
            &["мемлекет", "мемлекеті", "мемлекетін", "мемлекеттер"],
            &["аймақ", "аймағы", "аймақтың", "аймағында"],
            &["адам", "адамдар", "адамның", "адамға"],
            &["білім", "білімі", "білімнің"],
            &["үй", "үйі", "үйде", "үйлер"],
            &["облыс", "облысы", "облысында"],
            &["тіл", "тілі", "тілде", "тілдер"],
            &["жер", "жері", "жерде", "жерлер"],
            &["болды", "болады", "болған", "болмайды", "болып", "боп"],
            &["келді", "келеді", "келген", "келмейді", "келіп"],
            &["берді", "береді", "берілді", "беру"],
            &["айтты", "айтады", "айтқан", "айтылды"],
            &["деп", "деді", "дейді", "деген"],
            &["көрді", "көреді", "көрген", "көру", "көріп"],
            &["жазды", "жазады", "жазылған", "жазу"],
        ];
        let mut a = String::new();
        let mut b = String::new();
        for family in families {
            stem_into(family[0], &mut a);
            for w in &family[1..] {
                stem_into(w, &mut b);
                assert_eq!(a, b, "{:?} vs {w:?}", family[0]);
            }
        }
    }

    /// The forms every verb has, made from a root by the rules of harmony
    /// and assimilation: past, present, converb, past participle, verbal
    /// noun, negated past, habitual participle, desiderative.
    fn conjugate(root: &str) -> Vec<String> {
        let front = match stem_harmony(root) {
            Harmony::Front => true,
            Harmony::Back => false,
            // `ки-` is front, `ту-`, `жу-` back
            Harmony::Any => root.contains('и'),
        };
        let [a, y] = if front { ["е", "і"] } else { ["а", "ы"] };
        let last = root.chars().next_back().unwrap();
        let head = &root[..root.len() - last.len_utf8()];
        // `тап` is `таб-` before a vowel, `шық` `шығ-`
        let voiced = match last {
            'п' => format!("{head}б"),
            'қ' => format!("{head}ғ"),
            'к' => format!("{head}г"),
            _ => root.to_string(),
        };
        let q = |back: &str, front_form: &str| if front { front_form } else { back }.to_string();
        let past = if is_voiceless(last) {
            q("ты", "ті")
        } else {
            q("ды", "ді")
        };
        let participle = if is_voiceless(last) {
            q("қан", "кен")
        } else {
            q("ған", "ген")
        };
        let desire = if is_voiceless(last) {
            q("қысы", "кісі")
        } else {
            q("ғысы", "гісі")
        };
        let negation = if is_true_vowel(last) || "рйули".contains(last) {
            q("ма", "ме")
        } else if is_nasal(last) || "зж".contains(last) {
            q("ба", "бе")
        } else {
            q("па", "пе")
        };
        let mut forms = vec![
            format!("{root}{past}"),
            format!("{root}{participle}"),
            format!("{root}{negation}{}", q("ды", "ді")),
            format!("{root}{desire}"),
        ];
        if is_true_vowel(last) {
            // a root in `-ы`/`-і` merges it with the present `-й` (`оқи-ды`)
            // and drops it before the verbal noun (`оқ-у`)
            let (present, noun) = match last {
                'ы' | 'і' => (format!("{head}и"), format!("{head}у")),
                _ => (format!("{root}й"), format!("{root}у")),
            };
            forms.push(format!("{present}{}", q("ды", "ді")));
            forms.push(format!("{present}{}", q("тын", "тін")));
            forms.push(format!("{root}п"));
            forms.push(noun);
        } else {
            forms.push(format!("{voiced}{a}{}", q("ды", "ді")));
            forms.push(format!("{voiced}{a}{}", q("тын", "тін")));
            // `тап` makes `тауып`
            forms.push(match root {
                "тап" => "тауып".to_string(),
                _ => format!("{voiced}{y}п"),
            });
            // `ки-ю`: the verbal noun after `й` (here in `и`) is `-ю`
            forms.push(match last {
                'и' => format!("{root}ю"),
                _ => format!("{voiced}у"),
            });
        }
        forms
    }

    #[test]
    fn listed_roots_conjugate_to_themselves() {
        let mut wrong = Vec::new();
        for root in super::super::table_rows(VERB_ROOTS).map(str::trim) {
            // The bare root, the imperative, is left out: `қорға` "protect!"
            // is as often `қор-ға` "to the fund".
            let forms = conjugate(root);
            let expected = stem(&forms[0]);
            for form in forms {
                // nouns that are spelt like a verb form: `алғыс-ы` "his
                // thanks", `қалып` "mould"
                if ["алғысы", "қалып"].contains(&form.as_str()) {
                    continue;
                }
                let got = stem(&form);
                if got != expected {
                    wrong.push(format!("{form} → {got} (root {root} → {expected})"));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} forms:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    /// Look-alike words of different lemmas that must keep different stems.
    #[test]
    fn look_alikes_stay_apart() {
        let pairs = [
            // the noun "city" and the past tense of `қал-` "remain"
            ("қала", "қалды"),
            // "name, horse" and "grandfather"
            ("ат", "ата"),
            // "suitable" and "election" (`сайла-у`)
            ("сай", "сайлау"),
            // "white" and "February"
            ("ақ", "ақпан"),
            // "head" and the agent noun "leader"
            ("бас", "басшы"),
            // "nation" and the adjective "national"
            ("ұлт", "ұлттық"),
            // "history" and the adjective "historical"
            ("тарих", "тарихи"),
            // "land" and the past tense of `же-` "eat"
            ("жер", "жеді"),
            // "place" and "ditch"
            ("орын", "ор"),
            // "near" and "side, direction"
            ("жақын", "жақ"),
            // "thing" and "nourishment"
            ("нәрсе", "нәр"),
            // "knowledge" and the past tense of `біл-` "know"
            ("білім", "білді"),
            // "year" and the past tense of `жыла-` "cry"
            ("жыл", "жылады"),
            // "gold" and "six"
            ("алтын", "алты"),
        ];
        for (x, y) in pairs {
            assert_ne!(stem(x), stem(y), "{x:?} vs {y:?}");
        }
    }

    // --- robustness -----------------------------------------------------

    #[test]
    fn no_panic_on_every_short_string() {
        let letters: Vec<char> = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі-1z"
            .chars()
            .collect();
        let mut word = String::new();
        let mut out = String::new();
        for &a in &letters {
            for &b in &letters {
                for &c in &letters {
                    for d in ["", "н", "ды", "ның", "лары", "уып", "ады", "а"] {
                        word.clear();
                        word.extend([a, b, c]);
                        word.push_str(d);
                        stem_into(&word, &mut out);
                        assert!(!out.is_empty(), "{word:?} -> empty");
                        assert!(out.len() <= word.len() + 4, "{word:?} -> {out:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn no_panic_on_pseudo_random_words() {
        let letters: Vec<char> = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя-"
            .chars()
            .collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut word, mut out) = (String::new(), String::new());
        for _ in 0..200_000 {
            word.clear();
            let len = 1 + (next() % 14) as usize;
            for _ in 0..len {
                word.push(letters[(next() % letters.len() as u64) as usize]);
            }
            stem_into(&word, &mut out);
            assert!(!out.is_empty(), "{word:?} -> empty");
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
            "ab-ға",
        ] {
            assert_eq!(stem(w), w);
        }
    }

    #[test]
    fn stem_into_clears_and_reuses_the_buffer() {
        let mut out = String::from("stale");
        stem_into("депутаттары", &mut out);
        assert_eq!(out, "депутат");
        stem_into("covid", &mut out);
        assert_eq!(out, "covid");
    }
}

"""The command line's one vocabulary: its sentences and headers in Indonesian and English.

Official labels (zona hijau, Kualitas Tinggi) are the Ombudsman's terms and are printed as
published; everything else is a sentence of :data:`WORDS`, looked up with :func:`w`.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Final, Literal

from opinipp.errors import OpinippError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from decimal import Decimal

    from opinipp.errors import InvalidDataError, InvalidScoreError, RowError
    from opinipp.gaps import Gap
    from opinipp.scores import Score
    from opinipp.zoning import Grade

__all__ = [
    "DASH",
    "SHOWN_PROBLEMS",
    "WORDS",
    "YEAR_FORM",
    "BadInput",
    "Lang",
    "error_text",
    "file_problems",
    "gap_words",
    "given",
    "grade_words",
    "legal_basis",
    "names_list",
    "none_dash",
    "num",
    "problems_of",
    "quoted",
    "row_problem",
    "usage_text",
    "w",
]

Lang = Literal["id", "en"]
DASH = "–"


WORDS: dict[str, dict[str, str]] = {
    "id": {
        "in_year": "{score} pada {year}",
        "zone": "zona {zone}",
        "category": "kategori {category}",
        "band_line": "rentang {lower}–{upper} menurut aturan {scheme}",
        "short_of": "kurang {points} menuju {target}",
        "top": "sudah di tingkat tertinggi, {target}",
        "reached": "{target} sudah tercapai",
        "zone_from": "zona {zone} (mulai {lower})",
        "year": "Tahun",
        "score": "Nilai",
        "zone_h": "Zona",
        "category_h": "Kat.",
        "label_h": "Opini/predikat",
        "change_h": "Perubahan",
        "rank_h": "Peringkat",
        "next_h": "Menuju tingkat berikut",
        "entity_h": "Entitas",
        "code": "kode {code}",
        "published_rank": "{rank} dari {of}",
        "published_rank_province": "{rank} dari {of} se-provinsi",
        "published_rank_province_only": "ke-{rank} se-provinsi",
        "published_rank_only": "ke-{rank}",
        "published_rank_year_n": "ke-{rank} dari {of} yang dinilai",
        "latest": "{year}: {text}",
        "no_score": "tanpa nilai",
        "published": "terbit: {labels}",
        "disagree": "* {year}: terbit {field} {published!r}, menurut aturan {computed}",
        "field_zone": "zona",
        "field_category": "kategori",
        "field_opinion": "opini/predikat",
        "none": "tidak ada",
        "source": "Sumber: data hasil terbitan bawaan opinipp (lihat 'opinipp show --help').",
        "rank_title": "Peringkat {scope}, {year}",
        "scope_national": "{kind} se-Indonesia",
        "scope_province": "kabupaten/kota se-{province}",
        "scope_province_gov": "kabupaten/kota dan pemerintah provinsi se-{province}",
        "scope_pemda": "unit {pemda}",
        "grade_h": "Zona/kat.",
        "rank_of": "{rank} dari {of}",
        "rank_of_given": "{rank} dari {of} yang diberikan",
        "partial": "Sebagian: {of} dari {official} entitas yang dinilai pada {year}.",
        "partial_province": (
            "Sebagian: {of} dari {official} kabupaten/kota provinsi ini pada {year}."
        ),
        "partial_province_gov": (
            "Sebagian: {of} dari {official} Pemda provinsi ini (dengan pemprov) pada {year}."
        ),
        "skipped_scope": "{n} baris di luar cakupan dilewati.",
        "skipped_score": "{n} baris tanpa nilai dilewati.",
        "not_held": "{year}: tidak ada penilaian",
        "scale": "skala 0–{max}",
        "qualifier": "dengan kualifikasi '{qualifier}'",
        "years_title": "Aturan penilaian kepatuhan Ombudsman RI per tahun",
        "partial_bundled": (
            "Sebagian: data bawaan opinipp memuat {of} dari {official} yang dinilai pada {year}."
        ),
        "bundled_data": "Data: hasil terbitan bawaan opinipp ({n} baris tahun {year}).",
        "rank_published": "{rank} dari {of} {kind}",
        "rank_published_unknown": "ke-{rank} {kind} nasional",
        "rank_province": "{rank} dari {of} se-{province}",
        "rank_province_unknown": "ke-{rank} se-{province}",
        "change_since": "{change} dibanding {year}",
        "latest_no_score": "{year}: tanpa nilai terbit",
        "sources": "Sumber: {sources}",
        "no_source": "tanpa tautan",
        "conflict": "{year}: sumber berbeda tentang {field}: {values}",
        "conflict_provincial rank": "peringkat se-provinsi",
        "conflict_provincial total": "jumlah se-provinsi",
        "conflict_national rank": "peringkat nasional",
        "conflict_score": "nilai",
        "conflict_zone": "zona",
        "first_report": "laporan pertama",
        "units_title": "Unit {pemda} pada {year} ({n}):",
        "unit_mean": "Rata-rata {n} unit {mean}: {verdict}",
        "mean_agrees": "sama dengan nilai terbit",
        "mean_disagrees": "berbeda {difference} dari nilai terbit {published}",
        "mean_incomplete": "{scored} dari {n} unit bernilai, rata-rata belum dapat dihitung",
        "unit_h": "Unit",
        "kind_h": "Jenis",
        "province_h": "Provinsi",
        "years_h": "Tahun bawaan",
        "listed": "{n} entitas.",
        "found": "Ditemukan untuk '{text}': {n}.",
        "not_bundled": "tidak ada",
        "pemda_score": "Nilai Pemda {year}: {score}",
        "pemda_score_how": ("rata-rata {n} unit, {mean}, dibulatkan setengah ke atas ke 2 desimal"),
        "pemda_score_grade": "{score} pada {year}: {grade}",
        "more_problems": "… {n} lagi (semua: --all-problems)",
        # Errors: the user's input as typed ({arg} {value}), then what is wrong with it.
        "e_input": "{arg} {value}: {problem}",
        "e_score": "bukan nilai: {reason}; yang diharapkan angka 0 sampai {top} dengan paling "
        "banyak dua desimal, misalnya 65,50",
        "e_negative": "nilai tidak pernah negatif",
        "e_above": "di atas {top}",
        "e_above_scale": "di atas {top}, batas atas skala {year} (0–{top})",
        "e_decimals": "lebih dari dua desimal (bulatkan dulu, misalnya ke 81,85)",
        "e_empty": "kosong",
        "e_nan": "bukan angka",
        "e_not_a_number": "bukan angka desimal",
        "e_year": "tidak ada aturan penilaian untuk tahun {year}; tahun yang dicakup: {covered}",
        "e_year_not_held": "tidak ada penilaian pada {year}; tahun yang dicakup: {covered}",
        "e_year_form": "bukan tahun; yang diharapkan tahun empat angka, misalnya 2023",
        "e_region": "{level} tidak dikenal{hint}",
        "e_region_hint": "; maksud Anda {names}?",
        "e_level_province": "provinsi",
        "e_level_pemda": "provinsi, kabupaten atau kota",
        "e_ambiguous": "nama ambigu, bisa {names}; tambahkan Kabupaten, Kota atau Provinsi, "
        "atau pakai kode Kemendagri",
        "e_qualifier": "kualifikasi '{qualifier}' tidak berlaku pada {year}, hanya pada {years}",
        "e_unit_mean": "pada {year} nilai Pemda bukan rata-rata unitnya (dihitung per produk "
        "layanan); rata-rata unit berlaku pada {years}",
        "e_target": "bukan target pada {year}; target yang sah: {targets}",
        "e_target_zone": "aturan {year} tidak memakai zona; target yang sah: {targets}",
        "e_mixed_years": "berisi penilaian beberapa tahun [{years}]; pilih satu dengan --year",
        "e_file": "{count} masalah dalam berkas: {problems}",
        "e_file_of": "{count} masalah dalam {rows} baris {source}: {problems}",
        "e_row": "baris {row}",
        "e_row_column": "baris {row}, kolom {column}",
        "e_unreadable": "tidak dapat dibaca ({reason})",
        "e_scope": "bukan cakupan; yang diharapkan national:<jenis> (kementerian, lembaga, "
        "provinsi, kabupaten atau kota), province:<nama>, province+provinsi:<nama> atau "
        "pemda:<nama>",
        "e_year_not_in_file": "tidak ada di {file} (tahun: {years})",
        "e_empty_scope": "tidak ada penilaian bernilai dalam cakupan {scope}",
        "e_bundled_year": "data bawaan memuat beberapa tahun ({years}); pilih satu dengan --year",
        "e_entity": "bukan provinsi, kabupaten, kota (nama atau kode Kemendagri) atau entitas "
        "dalam data bawaan{hint}",
        "e_entity_many": "bisa beberapa entitas: {names}; tulis nama lengkapnya",
        "e_no_results": "tidak ada hasil terbitan bawaan untuk {entity}",
        "e_year_not_shown": "tidak ada hasil terbitan {entity} pada tahun ini (tahun: {years})",
        "e_no_units": "tidak ada nilai unit; berikan UNIT_SCORE atau --file",
        "e_both_outputs": "pilih salah satu: --json atau --csv",
        "e_kind": "bukan jenis entitas dalam data bawaan; yang diharapkan kementerian, lembaga, "
        "provinsi, kabupaten, kota, opd, puskesmas atau rsud",
        "e_search": "kosong; yang diharapkan bagian dari nama atau kode",
        "e_score_column": "tidak ada kolom 'score'",
        "u_required": "argumen wajib belum diberikan: {names}",
        "u_choice": "argumen {arg}: pilihan tidak sah {value} (pilih dari {choices})",
        "u_unknown": "argumen tidak dikenal: {names}",
        "u_one": "argumen {arg}: perlu satu nilai",
        "u_see": "{message} (lihat '{prog} --help')",
        "error_more": "dan {n} lagi",
        # survey indices (skm, ipp)
        "skm_title": "SKM menurut {rules}: {n} responden",
        "code_h": "Kode",
        "unsur": "Unsur",
        "ikm_line": "IKM {ikm}; nilai konversi (×{conversion}) {score}: mutu {band}",
        "weakest": "Unsur terlemah: {code} {name}, {score} ({grade})",
        "mutu_to_next": "kurang {points} menuju {grade}",
        "mutu_top": "sudah di mutu tertinggi",
        "note": "Catatan: {note}",
        "aspect": "Aspek",
        "weight": "Bobot",
        "ipp_title": "Indeks Pelayanan Publik (PEKPPP) menurut {rules}",
        "reconstructed": "Kategori adalah rekonstruksi: tabel resmi tidak diperoleh.",
    },
    "en": {
        "in_year": "{score} in {year}",
        "zone": "zona {zone} ({english})",
        "category": "category {category}",
        "band_line": "band {lower}–{upper} of the {scheme} rules",
        "short_of": "{points} short of {target}",
        "top": "already in the top tier, {target}",
        "reached": "{target} already reached",
        "zone_from": "zona {zone} (from {lower})",
        "year": "Year",
        "score": "Score",
        "zone_h": "Zone",
        "category_h": "Cat.",
        "label_h": "Opinion/predikat",
        "change_h": "Change",
        "rank_h": "Rank",
        "next_h": "To the next tier",
        "entity_h": "Entity",
        "code": "code {code}",
        "published_rank": "{rank} of {of}",
        "published_rank_province": "{rank} of {of} in the province",
        "published_rank_province_only": "{rank} in the province",
        "published_rank_only": "{rank}",
        "published_rank_year_n": "{rank} of the {of} assessed",
        "latest": "{year}: {text}",
        "no_score": "no score",
        "published": "published: {labels}",
        "disagree": "* {year}: published {field} {published!r}, the rules give {computed}",
        "field_zone": "zone",
        "field_category": "category",
        "field_opinion": "opinion/predikat",
        "none": "none",
        "source": "Source: the published results bundled with opinipp (see 'opinipp show --help').",
        "rank_title": "Ranking of {scope}, {year}",
        "scope_national": "every {kind} in Indonesia",
        "scope_province": "the kabupaten/kota of {province}",
        "scope_province_gov": "the kabupaten/kota and the provincial government of {province}",
        "scope_pemda": "the units of {pemda}",
        "grade_h": "Zone/cat.",
        "rank_of": "{rank} of {of}",
        "rank_of_given": "{rank} of the {of} given",
        "partial": "Partial: {of} of the {official} entities assessed in {year}.",
        "partial_province": "Partial: {of} of the province's {official} kabupaten/kota in {year}.",
        "partial_province_gov": (
            "Partial: {of} of the province's {official} Pemda (with its government) in {year}."
        ),
        "skipped_scope": "{n} rows outside the scope skipped.",
        "skipped_score": "{n} rows without a score skipped.",
        "not_held": "{year}: {reason}",
        "scale": "scale 0–{max}",
        "qualifier": "with the qualifier '{qualifier}'",
        "years_title": "The rules of Ombudsman RI's compliance assessment, year by year",
        "partial_bundled": (
            "Partial: the data bundled with opinipp holds {of} of the {official} assessed in "
            "{year}."
        ),
        "bundled_data": "Data: the published results bundled with opinipp ({n} rows of {year}).",
        "rank_published": "{rank} of {of} {kind}",
        "rank_published_unknown": "{rank} among the {kind} nationally",
        "rank_province": "{rank} of {of} in {province}",
        "rank_province_unknown": "{rank} in {province}",
        "change_since": "{change} against {year}",
        "latest_no_score": "{year}: no published score",
        "sources": "Sources: {sources}",
        "no_source": "no link",
        "conflict": "{year}: sources differ on the {field}: {values}",
        "conflict_provincial rank": "provincial rank",
        "conflict_provincial total": "provincial total",
        "conflict_national rank": "national rank",
        "conflict_score": "score",
        "conflict_zone": "zone",
        "first_report": "first report",
        "units_title": "Units of {pemda} in {year} ({n}):",
        "unit_mean": "Mean of the {n} units {mean}: {verdict}",
        "mean_agrees": "equal to the published score",
        "mean_disagrees": "{difference} off the published score {published}",
        "mean_incomplete": "{scored} of {n} units scored, no mean yet",
        "unit_h": "Unit",
        "kind_h": "Kind",
        "province_h": "Province",
        "years_h": "Years bundled",
        "listed": "{n} entities.",
        "found": "Found for '{text}': {n}.",
        "not_bundled": "none",
        "pemda_score": "Pemda score {year}: {score}",
        "pemda_score_how": "the mean of {n} units, {mean}, rounded half-up to 2 decimals",
        "pemda_score_grade": "{score} in {year}: {grade}",
        "more_problems": "… {n} more (all of them: --all-problems)",
        "e_input": "{arg} {value}: {problem}",
        "e_score": "not a score: {reason}; expected a number from 0 to {top} with at most two "
        "decimals, such as 65.50",
        "e_negative": "scores are not negative",
        "e_above": "above {top}",
        "e_above_scale": "above {top}, the top of the {year} scale (0–{top})",
        "e_decimals": "more than two decimals (round it first, e.g. to 81.85)",
        "e_empty": "empty",
        "e_nan": "not a number",
        "e_not_a_number": "not a decimal number",
        "e_year": "no assessment rules for year {year}; covered years: {covered}",
        "e_year_not_held": "no assessment was held in {year}; covered years: {covered}",
        "e_year_form": "not a year; expected a four-digit year such as 2023",
        "e_region": "unknown {level}{hint}",
        "e_region_hint": "; did you mean {names}?",
        "e_level_province": "province",
        "e_level_pemda": "province, kabupaten or kota",
        "e_ambiguous": "ambiguous name: it could be {names}; add Kabupaten, Kota or Provinsi, "
        "or give the Kemendagri code",
        "e_qualifier": "the '{qualifier}' qualifier does not apply to {year}, only to {years}",
        "e_unit_mean": "in {year} a Pemda's score is not the mean of its units (it was counted "
        "per service product); the unit mean applies to {years}",
        "e_target": "not a target in {year}; valid targets: {targets}",
        "e_target_zone": "the {year} rules have no zones; valid targets: {targets}",
        "e_mixed_years": "holds assessments of several years [{years}]; choose one with --year",
        "e_file": "{count} problems in the file: {problems}",
        "e_file_of": "{count} problems in {rows} rows of {source}: {problems}",
        "e_row": "row {row}",
        "e_row_column": "row {row}, column {column}",
        "e_unreadable": "cannot be read ({reason})",
        "e_scope": "not a scope; expected national:<kind> (kementerian, lembaga, provinsi, "
        "kabupaten or kota), province:<name>, province+provinsi:<name> or pemda:<name>",
        "e_year_not_in_file": "not in {file} (years: {years})",
        "e_empty_scope": "no scored assessments in the scope {scope}",
        "e_bundled_year": "the bundled data holds several years ({years}); choose one with --year",
        "e_entity": "not a province, kabupaten or kota (name or Kemendagri code) nor an entity "
        "of the bundled data{hint}",
        "e_entity_many": "it could be several entities: {names}; give the full name",
        "e_no_results": "no published results are bundled for {entity}",
        "e_year_not_shown": "no published result of {entity} that year (years: {years})",
        "e_no_units": "no unit scores; give UNIT_SCORE arguments or --file",
        "e_both_outputs": "choose one of --json and --csv",
        "e_kind": "not a kind of entity of the bundled data; expected kementerian, lembaga, "
        "provinsi, kabupaten, kota, opd, puskesmas or rsud",
        "e_search": "empty; expected part of a name or a code",
        "e_score_column": "no 'score' column",
        "u_required": "the following arguments are required: {names}",
        "u_choice": "argument {arg}: invalid choice: {value} (choose from {choices})",
        "u_unknown": "unrecognized arguments: {names}",
        "u_one": "argument {arg}: expected one argument",
        "u_see": "{message} (see '{prog} --help')",
        "error_more": "and {n} more",
        # survey indices (skm, ipp)
        "skm_title": "SKM under {rules}: {n} respondents",
        "code_h": "Code",
        "unsur": "Unsur",
        "ikm_line": "IKM {ikm}; converted value (×{conversion}) {score}: mutu {band}",
        "weakest": "Weakest unsur: {code} {name}, {score} ({grade})",
        "mutu_to_next": "{points} short of {grade}",
        "mutu_top": "already in the top mutu",
        "note": "Note: {note}",
        "aspect": "Aspect",
        "weight": "Weight",
        "ipp_title": "Public-service index (PEKPPP) under {rules}",
        "reconstructed": "The categories are a reconstruction: no official table was retrieved.",
    },
}


def w(lang: Lang, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)


def num(value: Decimal | Score, lang: Lang, *, signed: bool = False) -> str:
    """Write a number with two decimals: ``81,84`` in Indonesian, ``81.84`` in English."""
    from opinipp.locale_id import format_number
    from opinipp.scores import Score

    number = value.value if isinstance(value, Score) else value
    text = format_number(abs(number), lang=lang)
    if number < 0:
        return f"−{text}" if signed else f"-{text}"
    return f"+{text}" if signed and number > 0 else text


def none_dash(text: str | None) -> str:
    return DASH if text is None else text


def grade_words(grade: Grade, lang: Lang) -> str:
    """``zona hijau, kategori B, Kualitas Tinggi`` (English glosses with ``lang="en"``)."""
    parts: list[str] = []
    if grade.zone is not None:
        parts.append(w(lang, "zone", zone=grade.zone.value, english=grade.zone.english))
    if grade.category is not None:
        parts.append(w(lang, "category", category=grade.category.value))
    if grade.quality is not None and grade.opinion is not None:
        parts.append(grade.quality)
    label, label_en = grade.label, grade.label_en
    if label:
        parts.append(f"{label} ({label_en})" if lang == "en" and label_en else label)
    return ", ".join(parts)


def gap_words(
    gap: Gap | None, grade: Grade, lang: Lang, *, short: bool = False, zone: str | None = None
) -> str:
    """``kurang 6,16 menuju A (Kualitas Tertinggi)`` / ``6.16 short of A (…)``.

    ``short`` names the target briefly (``A``), for a table column; ``zone`` names a zone
    that was asked for (its lowest band is the target).
    """
    if gap is None:
        return DASH if short else w(lang, "top", target=grade.band.name())
    if zone is not None:
        target = w(lang, "zone_from", zone=zone, lower=num(gap.target.lower, lang))
    elif short:
        target = gap.target.short_name()
    else:
        target = gap.target.name()
    if gap.reached:
        return w(lang, "reached", target=target)
    return w(lang, "short_of", points=num(gap.points, lang), target=target)


# The English words of the rules' legal bases (opinipp.rules), in Indonesian.
_LEGAL_WORDS: Final = (
    ("results by", "hasil ditetapkan dengan"),
    ("number not found", "nomor tidak ditemukan"),
    ("(Art. ", "(Pasal "),
    (" of ", " tanggal "),
    (" Dec ", " Des "),
)


def legal_basis(text: str, lang: Lang) -> str:
    """A rule set's legal basis, its few English words put in Indonesian for ``id``.

    >>> legal_basis("Peraturan Ombudsman RI No. 17 Tahun 2015 (Art. 15)", "id")
    'Peraturan Ombudsman RI No. 17 Tahun 2015 (Pasal 15)'
    """
    if lang == "en":
        return text
    for english, indonesian in _LEGAL_WORDS:
        text = text.replace(english, indonesian)
    return text


# ---------------------------------------------------------------------------------------
# Errors in the user's language. The library raises English errors with attributes; the
# command knows which argument a value came from and says so, as the user typed it.

_SHOWN = 120
_SHOWN_NAMES = 5


class BadInput(Exception):  # noqa: N818 - reported to the user, not raised to callers
    """Bad input to one argument, as typed: ``argument`` (``SCORE``, ``--year``) and its text.

    Either ``key`` names a sentence of :data:`WORDS` (with ``values``), or ``cause`` is the
    library error to put in the user's words.
    """

    def __init__(
        self,
        argument: str,
        text: object,
        key: str | None = None,
        /,
        *,
        cause: Exception | None = None,
        **values: object,
    ) -> None:
        self.argument = argument
        self.text = text
        self.key = key
        self.cause = cause
        self.values = values
        super().__init__(argument, text, key)


@contextlib.contextmanager
def given(argument: str, text: object, **values: object) -> Iterator[None]:
    """Report a library error raised inside as bad input to ``argument`` (``text`` as typed)."""
    try:
        yield
    except BadInput:
        raise
    except OpinippError as error:
        raise BadInput(argument, text, cause=error, **values) from error


def quoted(value: object) -> str:
    """``'Banjar'``: the user's text quoted (escapes for what a terminal cannot show)."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 10]}…{text[-8:]}"


def names_list(names: Sequence[object], lang: Lang, *, joiner: str = ", ") -> str:
    shown = [quoted(n) for n in names[:_SHOWN_NAMES]]
    more = len(names) - _SHOWN_NAMES
    tail = f" ({w(lang, 'error_more', n=more)})" if more > 0 else ""
    return joiner.join(shown) + tail


def _score_reason(error: InvalidScoreError, lang: Lang, year: object) -> tuple[str, str]:
    """What is wrong with a score, and the top of the scale it is checked against."""
    from opinipp.rules import rules_for

    reason = str(error.reason)
    top = "100"
    if isinstance(year, int) and not isinstance(year, bool):
        with contextlib.suppress(OpinippError):
            scale = rules_for(year).scale_max.value
            top = str(int(scale)) if scale == scale.to_integral_value() else num(scale, lang)
    if reason.startswith("above") and top != "100":
        return w(lang, "e_above_scale", top=top, year=year), top
    text = str(error.value).strip()
    if reason.startswith("below") or "minus" in reason or text.startswith(("-", "−")):
        return w(lang, "e_negative"), top
    for start, key in (
        ("above", "e_above"),
        ("more than two decimals", "e_decimals"),
        ("empty", "e_empty"),
        ("not a number", "e_nan"),
        ("infinite", "e_nan"),
    ):
        if reason.startswith(start):
            return w(lang, key, top=top), top
    return w(lang, "e_not_a_number"), top


def _years_text(years: Sequence[int]) -> str:
    from opinipp.cli._output import year_ranges

    return year_ranges(years)


def _quoted_items(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def _library(  # noqa: C901, PLR0912 - one case per error class
    error: Exception, lang: Lang, argument: str | None, text: object, **values: object
) -> str:
    """A library error in the user's words (its English text when no sentence fits)."""
    from opinipp import errors
    from opinipp.rules import not_held_years, rule_sets

    year = values.get("year")
    if isinstance(error, errors.InvalidScoreError):
        reason, top = _score_reason(error, lang, year)
        problem = w(lang, "e_score", reason=reason, top=top)
    elif isinstance(error, errors.RulesNotAvailableError):
        covered = _years_text([y for y in error.covered_years if isinstance(y, int)])
        held = dict(not_held_years())
        key = "e_year_not_held" if error.year in held else "e_year"
        problem = w(lang, key, year=error.year, covered=covered)
    elif isinstance(error, errors.UnknownRegionError):
        level = "e_level_province" if error.level == "province" else "e_level_pemda"
        hint = (
            w(lang, "e_region_hint", names=names_list(error.suggestions, lang))
            if error.suggestions
            else ""
        )
        problem = w(lang, "e_region", level=w(lang, level), hint=hint)
        if argument is None or str(text) != str(error.query):
            problem = f"{quoted(error.query)}: {problem}"
    elif isinstance(error, errors.AmbiguousNameError):
        problem = w(lang, "e_ambiguous", names=names_list(error.candidates, lang, joiner=" / "))
        if argument is None or str(text) != str(error.query):
            problem = f"{quoted(error.query)}: {problem}"
    elif isinstance(error, errors.NotApplicableError):
        what = str(error.what)
        if "qualifier" in what:
            with_it = [y for rs in rule_sets() if rs.has_tanpa_maladministrasi for y in rs.years]
            qualifier = _quoted_items(what)[0] if _quoted_items(what) else what
            problem = w(
                lang,
                "e_qualifier",
                qualifier=qualifier,
                year=error.year,
                years=_years_text(with_it),
            )
        elif "mean of its units" in what:
            mean = [y for rs in rule_sets() if rs.pemda_score_is_unit_mean for y in rs.years]
            problem = w(lang, "e_unit_mean", year=error.year, years=_years_text(mean))
        elif what.startswith("target"):
            targets = ", ".join(f"'{t}'" for t in _quoted_items(str(error.reason)))
            problem = w(lang, "e_target_zone", year=error.year, targets=targets)
        else:
            problem = str(error)
    elif isinstance(error, errors.MixedYearsError):
        problem = w(lang, "e_mixed_years", years=", ".join(map(str, error.years)))
    elif isinstance(error, errors.InvalidDataError):
        problem = file_problems(error, lang, all_problems=bool(values.get("all_problems")))
    elif isinstance(error, errors.InvalidArgumentError) and str(error.argument) == "target":
        expected = str(error.expected)
        targets = ", ".join(f"'{t}'" for t in _quoted_items(expected))
        found = re.search(r"\b(\d{4})\b", expected)
        problem = w(lang, "e_target", year=found.group(1) if found else year, targets=targets)
    elif isinstance(error, errors.RowError):
        problem = row_problem(error, lang)
    else:
        return str(error)
    if argument is None:
        return problem
    if text is None:
        return f"{argument}: {problem}"
    return w(lang, "e_input", arg=argument, value=quoted(text), problem=problem)


def row_problem(error: RowError, lang: Lang) -> str:
    """``baris 2, kolom 'year': '2020': …`` (the library's reason for the cell)."""
    where = (
        w(lang, "e_row", row=error.row)
        if error.column is None
        else w(lang, "e_row_column", row=error.row, column=quoted(error.column))
    )
    reason = " ".join(str(error.reason).split())
    return f"{where}: {quoted(error.value)}: {reason}"


def problems_of(error: InvalidDataError, lang: Lang) -> list[str]:
    """One line per problem of a file (a row error, or the error behind a JSON path)."""
    from opinipp.errors import RowError

    return [
        row_problem(e, lang) if isinstance(e, RowError) else " ".join(str(e).split())
        for e in error.exceptions
    ]


SHOWN_PROBLEMS = 3


def file_problems(error: InvalidDataError, lang: Lang, *, all_problems: bool) -> str:
    """The problems of a file: the first few, or with ``all_problems`` every one."""
    lines = problems_of(error, lang)
    shown = lines if all_problems else lines[:SHOWN_PROBLEMS]
    text = "; ".join(shown)
    more = len(lines) - len(shown)
    if more > 0:
        text += "; " + w(lang, "more_problems", n=more)
    source = re.search(r" row\(s\) of (?P<source>.+)$", error.message)
    if source is None:
        return w(lang, "e_file", count=len(lines), problems=text)
    rows = len({getattr(e, "row", None) for e in error.exceptions})
    return w(lang, "e_file_of", count=len(lines), rows=rows, source=source["source"], problems=text)


_USAGE: Final = (
    (re.compile(r"the following arguments are required: (?P<names>.*)"), "u_required"),
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: (?P<value>'.*?') "
            r"\(choose from (?P<choices>.*)\)"
        ),
        "u_choice",
    ),
    (re.compile(r"unrecognized arguments: (?P<names>.*)"), "u_unknown"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "u_one"),
)
YEAR_FORM = "not a four-digit year"


def usage_text(message: str, prog: str, lang: Lang) -> str:
    """An argparse message in the user's language, with where to find help."""
    found = re.fullmatch(r"argument (?P<arg>\S+): (?P<value>'.*') " + YEAR_FORM, message)
    if found:
        text = w(
            lang, "e_input", arg=found["arg"], value=found["value"], problem=w(lang, "e_year_form")
        )
    else:
        text = message
        for pattern, key in _USAGE:
            match = pattern.fullmatch(message)
            if match:
                text = w(lang, key, **match.groupdict())
                break
    return w(lang, "u_see", message=text, prog=prog)


def error_text(error: Exception, lang: Lang, *, all_problems: bool = False) -> str:
    """The one line that reports ``error`` to the user."""
    if isinstance(error, BadInput):
        if error.key is not None:
            values = dict(error.values)
            if "suggestions" in values:
                close = list(values.pop("suggestions"))  # type: ignore[call-overload]
                values["hint"] = (
                    w(lang, "e_region_hint", names=names_list(close, lang)) if close else ""
                )
            problem = w(lang, error.key, **values)
            if error.text is None:
                return " ".join(f"{error.argument}: {problem}".split())
        elif error.cause is not None:
            return " ".join(
                _library(
                    error.cause,
                    lang,
                    error.argument,
                    error.text,
                    all_problems=all_problems,
                    **error.values,
                ).split()
            )
        else:  # pragma: no cover - BadInput is built with a key or a cause
            problem = ""
        return " ".join(
            w(
                lang, "e_input", arg=error.argument, value=quoted(error.text), problem=problem
            ).split()
        )
    return " ".join(_library(error, lang, None, None, all_problems=all_problems).split())


def __dir__() -> list[str]:
    return list(__all__)

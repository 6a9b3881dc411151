"""The command line's one vocabulary: its sentences and headers in Indonesian and English.

Official labels (zona hijau, Kualitas Tinggi) are the Ombudsman's terms and are printed as
published; everything else is a sentence of :data:`WORDS`, looked up with :func:`w`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from decimal import Decimal

    from opinipp.gaps import Gap
    from opinipp.scores import Score
    from opinipp.zoning import Grade

__all__ = ["DASH", "WORDS", "Lang", "gap_words", "grade_words", "none_dash", "num", "w"]

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


def __dir__() -> list[str]:
    return list(__all__)

"""The seed documents, and the keyword search used when no database is configured."""
import re

# (slug, topic, title, body): loaded into PostgreSQL when its documents table is empty.
SEED_DOCUMENTS = (
    (
        "visa-types",
        "visa",
        "Indonesian visa types",
        "Indonesia issues visit visas for tourism and business meetings, the KITAS limited stay permit "
        "for work, investment, study or family, and the KITAP permanent stay permit after several years on a KITAS.",
    ),
    (
        "visa-on-arrival",
        "visa",
        "Visa on arrival",
        "Citizens of many countries can buy an electronic visa on arrival (e-VOA) valid for 30 days and "
        "extendable once for another 30 days. It allows tourism and business meetings, not paid work.",
    ),
    (
        "work-kitas",
        "visa",
        "Working on a KITAS",
        "A foreigner who works in Indonesia needs a work KITAS sponsored by the employer, an approved "
        "foreign worker plan (RPTKA) and the monthly DKPTKA levy paid by the employer.",
    ),
    (
        "pt-pma",
        "company",
        "PT PMA: the foreign-owned company",
        "A PT PMA is a limited liability company with foreign shareholders. It registers through the OSS "
        "system for a business identification number (NIB) and usually needs at least IDR 10 billion "
        "of paid-up capital.",
    ),
    (
        "kbli-codes",
        "company",
        "Business classification codes (KBLI)",
        "Every company registers the KBLI codes of its business activities. The codes decide which licences "
        "apply and whether an activity is open, limited or closed to foreign ownership.",
    ),
    (
        "corporate-income-tax",
        "tax",
        "Corporate income tax",
        "The standard corporate income tax rate in Indonesia is 22 percent. Small businesses with a yearly "
        "turnover up to IDR 4.8 billion may pay a final tax of 0.5 percent of turnover for a limited number of years.",
    ),
    (
        "value-added-tax",
        "tax",
        "Value added tax (PPN)",
        "Value added tax (PPN) is charged on most goods and services delivered in Indonesia; "
        "companies with a turnover above IDR 4.8 billion must register to collect it.",
    ),
    (
        "tax-number",
        "tax",
        "Tax identification number (NPWP)",
        "Companies and tax-resident individuals, including foreigners who stay more than 183 days in a year, "
        "register for a tax identification number (NPWP) and file yearly returns.",
    ),
)

_WORD = re.compile(r"[a-z0-9]+")


def query_words(text):
    """The query's words, lowercased; letters and digits only, so they are safe inside a tsquery."""
    return _WORD.findall(text.lower())


def _stem(word):
    # Crude plural folding, so "visas" finds "visa" as PostgreSQL's English stemmer would.
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def builtin_search(query, limit):
    """Seed documents containing any of the query's words, most occurrences first (used without a database)."""
    wanted = {_stem(word) for word in query_words(query)}
    scored = []
    for slug, topic, title, body in SEED_DOCUMENTS:
        words = [_stem(word) for word in query_words(f"{title} {body}")]
        score = sum(1 for word in words if word in wanted)
        if score:
            scored.append({"slug": slug, "topic": topic, "title": title, "body": body, "score": float(score)})
    scored.sort(key=lambda doc: (-doc["score"], doc["slug"]))
    return scored[:limit]

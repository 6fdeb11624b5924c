"""schema.org JSON-LD for product, producer and list pages.

OCOP stars are a certification, not consumer reviews: they go in
`hasCertification` with `certificationRating`, never in `aggregateRating`.
Only facts the records hold are stated; an unknown producer or photo is left
out rather than guessed.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..records.certificates import EXPIRED, REVOKED, VALID
from ..records.rules import label as label_in

_STATUS = {
    VALID: "https://schema.org/CertificationActive",
    EXPIRED: "https://schema.org/CertificationInactive",
    REVOKED: "https://schema.org/CertificationInactive",
}


def json_script(data) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    # `<`, `>` and `&` as \\u escapes: no `</script>` or `<!--` can appear in the block.
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(f'<script type="application/ld+json">{text}</script>')


def absolute(site_url: str, path: str) -> str:
    """A site-relative path as an absolute URL."""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def organisation(province) -> dict:
    """The province's OCOP office (its own website only, never this site's address)."""
    data = {"@type": "GovernmentOrganization", "name": province.office,
            "areaServed": {"@type": "AdministrativeArea", "name": province.name}}
    if province.office_url:
        data["url"] = province.office_url
    if province.office_en:
        data["alternateName"] = province.office_en
    return data


def producer_node(producer, site_url: str, rules: dict) -> dict:
    """A producer as an Organization."""
    record = producer.record
    data = {"@type": "Organization", "@id": absolute(site_url, producer.url) + "#org", "name": producer.title,
            "url": absolute(site_url, producer.url)}
    other_names = [n for n in (record.name, record.name_en, *(a.name for a in record.alt_names))
                   if n and n != producer.title]
    if other_names:
        data["alternateName"] = list(dict.fromkeys(other_names))
    if record.website:
        data["sameAs"] = record.website
    if producer.region is not None:
        address = {"@type": "PostalAddress", "addressRegion": producer.region.record.name, "addressCountry": "VN"}
        if record.commune:
            address["addressLocality"] = record.commune
        if record.address:
            address["streetAddress"] = record.address
        data["address"] = address
    for contact in record.contacts:
        if contact.type == "phone":
            data.setdefault("telephone", contact.value)
        elif contact.type == "email":
            data.setdefault("email", contact.value)
    if record.legal_form:
        form = rules["legal_forms"][record.legal_form]
        data["description"] = form.get(producer.lang) or form["vi"]
    return data


def certification_node(certificate, rules: dict) -> dict:
    """One OCOP certificate as a schema.org Certification."""
    decision = certificate.decision
    data = {
        "@type": "Certification",
        "name": f"OCOP {certificate.stars} sao",
        "certificationRating": {"@type": "Rating", "ratingValue": certificate.stars, "bestRating": 5,
                                "worstRating": 3},
        "issuedBy": {"@type": "GovernmentOrganization", "name": decision.issuer},
        "about": rules["groups"][certificate.group]["vi"],
    }
    if decision.number:
        data["certificationIdentification"] = decision.number
    if decision.signed.exact:
        data["validFrom"] = decision.signed.earliest.isoformat()
    if certificate.expiry.exact:
        data["expires"] = certificate.expiry.earliest.isoformat()
    if certificate.status in _STATUS:
        data["certificationStatus"] = _STATUS[certificate.status]
    return data


LABELS = {
    "vi": {"home": "Trang chủ", "products": "Sản phẩm", "producers": "Chủ thể"},
    "en": {"home": "Home", "products": "Products", "producers": "Producers"},
}


def _labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["vi"])


def product_graph(product, site_url: str, rules: dict, province, description: str) -> list[dict]:
    """Product (with its certificates) and BreadcrumbList for a product page."""
    record = product.record
    url = absolute(site_url, product.url)
    node = {
        "@context": "https://schema.org",
        "@type": "Product",
        "@id": url + "#product",
        "name": product.title,
        "url": url,
        "description": description,
        "inLanguage": product.lang,
        "category": label_in(rules["groups"][record.current.group], product.lang),
        "countryOfOrigin": {"@type": "Country", "name": "VN"},
        "hasCertification": [certification_node(c, rules) for c in reversed(record.certificates)],
    }
    other_names = [n for n in (record.name, record.name_en, *(a.name for a in record.alt_names))
                   if n and n != product.title]
    if other_names:
        node["alternateName"] = list(dict.fromkeys(other_names))
    if product.photos:
        node["image"] = [absolute(site_url, f"{p.prefix}/{p.derived.social}") for p in product.photos]
    if product.producer is not None:
        node["manufacturer"] = producer_node(product.producer, site_url, rules)
    if record.trade.gtin13:
        node["gtin13"] = record.trade.gtin13
    labels = _labels(product.lang)
    catalogue_url = product.settings["CATALOGUE_URL"] if product.in_default_lang else product.settings[
        "CATALOGUE_LANG_URL"].format(lang=product.lang)
    return [node, breadcrumbs([(labels["products"], catalogue_url), (product.title, product.url)], site_url,
                              labels["home"])]


def breadcrumbs(items: list[tuple[str, str]], site_url: str, home: str = "Trang chủ") -> dict:
    """A BreadcrumbList from the home page through `items` (label, path)."""
    elements = [{"@type": "ListItem", "position": 1, "name": home, "item": site_url + "/"}]
    for index, (label, path) in enumerate(items, start=2):
        elements.append({"@type": "ListItem", "position": index, "name": label, "item": absolute(site_url, path)})
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": elements}


def producer_graph(producer, site_url: str, rules: dict) -> list[dict]:
    """Organization and BreadcrumbList for a producer page."""
    node = {"@context": "https://schema.org", **producer_node(producer, site_url, rules)}
    labels = _labels(producer.lang)
    producers_url = producer.settings["PRODUCERS_URL"] if producer.in_default_lang else producer.settings[
        "PRODUCERS_LANG_URL"].format(lang=producer.lang)
    return [node, breadcrumbs([(labels["producers"], producers_url), (producer.title, producer.url)], site_url,
                              labels["home"])]


def home_graph(province, site_url: str, site_name: str, publisher: str | None = None) -> list[dict]:
    """The province's OCOP office and the site, for the home page; the site's publisher only when the settings
    name one (OCOP_PUBLISHER): the office is a source of the data, not said to publish the site."""
    site = {"@context": "https://schema.org", "@type": "WebSite", "name": site_name, "url": site_url + "/",
            "inLanguage": "vi"}
    if publisher:
        site["publisher"] = {"@type": "Organization", "name": publisher}
    return [{"@context": "https://schema.org", **organisation(province)}, site]

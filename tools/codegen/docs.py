"""Doc comments and examples for the generated code, from the schema's facts.

Every sentence here is written from what the schema states about a value
(type and format, null, readOnly, enum, example, default) or a link (method,
path, body, target); none copies the schema's `description` prose. Each
generated example is a complete statement list that compiles where a
`herokupp::Client client` is in scope (the test `doc_examples` checks it).
"""

import json
import re

from ir import Enum, Map, ModelRef, Opt, Prim, Struct, Vec
from naming import cpp_string, keyword_safe, snake

# Example values longer than this are left out of the prose (certificates,
# long URLs): they would drown the facts around them.
MAX_EXAMPLE = 64


def article(phrase):
    """"a" or "an" for the phrase's first word, as it is spoken."""
    word = phrase.lstrip("`").lower()
    if re.match(r"(uu|uri|uni|use|usa|one)", word):
        return "a"
    return "an" if word[:1] in "aeiou" else "a"


def with_article(phrase):
    return "%s %s" % (article(phrase), phrase)


def sentence(text):
    return text[:1].upper() + text[1:]


def is_scalar(value):
    return isinstance(value, (str, int, float, bool)) and value is not None


def json_text(value):
    """The value as compact JSON, or None when it is unfit for a comment."""
    text = json.dumps(value, separators=(", ", ": "), sort_keys=True)
    if len(text) > MAX_EXAMPLE or "`" in text or "*/" in text or "\\" in text:
        return None
    return text


def format_noun(node):
    """(singular, plural) for a string of the node's format."""
    fmt = node.get("format")
    return {
        "uuid": ("UUID", "UUIDs"),
        "email": ("email address", "email addresses"),
        "uri": ("URI", "URIs"),
        "ipv4": ("IPv4 address", "IPv4 addresses"),
        "date": ("date (`YYYY-MM-DD`)", "dates (`YYYY-MM-DD`)"),
    }.get(fmt, ("string", "strings"))


def identity_alternatives(builder, node):
    """[(owner, name, noun)] for an anyOf/oneOf of identities, else []: the
    display name of the definition each alternative belongs to, the
    sub-definition's name and the noun of its format."""
    out = []
    for key in ("anyOf", "oneOf"):
        for alt in node.get(key, []):
            resolved, refs = builder.resolve(alt)
            owner = name = None
            if refs:
                parts = refs[-1].split("/")
                name = snake(parts[-1])
                if len(parts) > 2 and parts[2] in builder.resources:
                    owner = builder.resources[parts[2]].display_name()
            out.append((owner, name, format_noun(resolved)[0]))
    return out


def member_phrase(name, noun):
    if name is None:
        return with_article(noun)
    if noun == "string":
        return "`%s`" % name
    return "`%s` (%s)" % (name, with_article(noun))


def identity_phrase(alternatives, whose=None):
    """"the App's `id` (a UUID) or `name`"; `whose` replaces "the App's"."""
    owners = {owner for owner, _, _ in alternatives}
    if len(owners) == 1:
        owner = next(iter(owners))
        lead = whose or ("the %s's" % owner if owner else "its")
        return "%s %s" % (lead, " or ".join(member_phrase(n, k) for _, n, k in alternatives))
    return " or ".join("%s's %s" % (with_article(owner) if owner else "its",
                                    member_phrase(n, k)) for owner, n, k in alternatives)


def identity_example(builder, node):
    """A schema example for an identity (preferring the last alternative, the
    name where there is one), or None."""
    for key in ("anyOf", "oneOf"):
        for alt in reversed(node.get(key, [])):
            resolved, _ = builder.resolve(alt)
            if isinstance(resolved.get("example"), str):
                return resolved["example"]
    return None


def noun(t, node, builder, scope=None):
    """(singular, plural) noun phrases, without article, for a value of type t."""
    if isinstance(t, Opt):
        return noun(t.inner, node, builder, scope)
    if isinstance(t, Prim):
        if t.kind == "string":
            return format_noun(node)
        return {
            "int": ("integer", "integers"),
            "double": ("number", "numbers"),
            "bool": ("boolean", "booleans"),
            "timestamp": ("date and time (UTC)", "dates and times (UTC)"),
            "json": ("JSON value of a shape the schema leaves open",
                     "JSON values of a shape the schema leaves open"),
        }[t.kind]
    if isinstance(t, (Enum, Struct)):
        name = t.name if t.owner is scope else t.qualified()
        what = "value" if isinstance(t, Enum) else "object"
        return ("%s %s" % (name, what), "%s %ss" % (name, what))
    if isinstance(t, ModelRef):
        name = t.resource.model_type_name()
        return (name, "%s objects" % name)
    if isinstance(t, Vec):
        item_node = node.get("items", {}) if isinstance(node.get("items"), dict) else {}
        if builder is not None and item_node:
            item_node = builder.resolve(item_node)[0]
        inner = noun(t.inner, item_node, builder, scope)[1]
        return ("list of %s" % inner, "lists of %s" % inner)
    if isinstance(t, Map):
        inner = noun(t.inner, {}, builder, scope)[1]
        return ("map of names to %s" % inner, "maps of names to %s" % inner)
    return ("value", "values")


def enum_values(enum):
    return ", ".join("`%s`" % raw for _, raw in enum.values)


def base_type(t):
    return t.inner if isinstance(t, Opt) else t


def schema_nullable(node):
    kinds = node.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return "null" in kinds or None in node.get("enum", [])


def field_doc(f, struct, builder, where="the body"):
    """The sentences about one member of a model or request struct; `where` a
    request member goes ("the body" or "the query string")."""
    node = f.schema
    t = base_type(f.type)
    parts = []
    alternatives = identity_alternatives(builder, node) if isinstance(t, Prim) else []
    if alternatives:
        parts.append("An identity: %s." % identity_phrase(alternatives))
        ex = identity_example(builder, node)
        if ex is not None and node.get("example") is None:
            node = dict(node, example=ex)
    elif isinstance(t, Prim) and t.kind == "bool":
        parts.append("True or false.")
    elif isinstance(t, Enum):
        parts.append("One of %s (%s); any other text decodes as `unknown`."
                     % (enum_values(t), t.name if t.owner is struct else t.qualified()))
    elif isinstance(t, Vec) and isinstance(t.inner, Enum):
        parts.append("A list of %s: %s." % (noun(t.inner, {}, builder, struct)[1],
                                            enum_values(t.inner)))
    else:
        parts.append(sentence(with_article(noun(t, node, builder, struct)[0])) + ".")
    if struct.is_params():
        if f.required and isinstance(f.type, Opt):
            parts.append("Required: always sent, as null when empty.")
        elif f.required:
            parts.append("Required.")
        else:
            parts.append("Optional: left out of %s when unset." % where)
    else:
        if isinstance(f.type, Opt):
            parts.append("The API may send null, which leaves it empty.")
        if node.get("readOnly") is True:
            parts.append("Read-only: the API sets it.")
    if is_scalar(node.get("default")):
        text = json_text(node["default"])
        if text is not None:
            parts.append("The API's default is `%s`." % text)
    example = node.get("example")
    if example is not None and not isinstance(example, dict):
        text = json_text(example)
        if text is not None:
            parts.append("Example: `%s`." % text)
    if f.cpp_name != f.json_name:
        parts.append("JSON name `%s`." % f.json_name)
    return " ".join(parts)


# --------------------------------------------------------------------------
# Example values


def example_literal(f, builder):
    """A C++ expression holding the schema's example for field f, or None."""
    t = base_type(f.type)
    ex = f.schema.get("example")
    if ex is None and isinstance(t, Prim) and t.kind == "string":
        ex = identity_example(builder, f.schema)
    if isinstance(t, Prim):
        if t.kind == "string" and isinstance(ex, str):
            return cpp_string(ex)
        if t.kind == "int" and isinstance(ex, int) and not isinstance(ex, bool):
            return str(ex)
        if t.kind == "double" and isinstance(ex, (int, float)) and not isinstance(ex, bool):
            return repr(float(ex))
        if t.kind == "bool" and isinstance(ex, bool):
            return "true" if ex else "false"
        if t.kind == "timestamp" and isinstance(ex, str):
            return "herokupp::Timestamp::parse(%s).value()" % cpp_string(ex)
        return None
    if isinstance(t, Enum):
        raw = ex if ex in [r for _, r in t.values] else t.values[0][1]
        enumerator = next(e for e, r in t.values if r == raw)
        return "herokupp::%s::%s" % (t.qualified(), enumerator)
    if isinstance(t, Vec) and isinstance(t.inner, Prim) and t.inner.kind == "string":
        if isinstance(ex, list) and ex and all(isinstance(e, str) for e in ex):
            return "{%s}" % ", ".join(cpp_string(e) for e in ex[:2])
    return None


def example_json_member(f):
    """`"name": value` for a scalar example of field f, or None."""
    t = base_type(f.type)
    ex = f.schema.get("example")
    if not isinstance(t, Prim) or t.kind not in ("string", "int", "double", "bool"):
        return None
    if not is_scalar(ex):
        return None
    text = json.dumps({f.json_name: ex})
    if len(text) > MAX_EXAMPLE or ")\"" in text:
        return None
    return text


def printable_field(struct):
    """A member worth printing in an example: a plain string or number."""
    preferred = ("name", "version", "email", "state", "id")
    fields = [f for f in struct.fields
              if isinstance(f.type, Prim) and f.type.kind in ("string", "int", "double")]
    for name in preferred:
        for f in fields:
            if f.json_name == name:
                return f
    return fields[0] if fields else None


def variable_name(type_name):
    name = keyword_safe(snake(type_name))
    return name if name not in ("client", "params", "item", "std") else name + "_value"


def assignments(struct, target, only_required, builder):
    """Lines setting the members of `target` from the schema's examples.

    With only_required, the required members (recursing into required nested
    structs); otherwise the first member that has an example.
    """
    lines = []
    for f in struct.fields:
        if only_required and not f.required:
            continue
        t = base_type(f.type)
        if isinstance(t, Struct) and not isinstance(f.type, Opt):
            lines += assignments(t, "%s.%s" % (target, f.cpp_name), only_required, builder)
            continue
        if (only_required and isinstance(t, Vec) and isinstance(t.inner, Struct)
                and not isinstance(f.type, Opt)):
            item = variable_name(t.inner.name)
            lines.append("herokupp::%s %s;" % (t.inner.qualified(), item))
            lines += assignments(t.inner, item, True, builder)
            lines.append("%s.%s.push_back(%s);" % (target, f.cpp_name, item))
            continue
        value = example_literal(f, builder)
        if value is None:
            continue
        lines.append("%s.%s = %s;" % (target, f.cpp_name, value))
        if not only_required:
            break
    return lines

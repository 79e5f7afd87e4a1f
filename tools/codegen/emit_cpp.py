"""Prints the library's generated C++: models, codecs, endpoints."""

from ir import Enum, Map, ModelRef, Opt, Prim, Struct, Vec, walk_types
import docs
from naming import GENERATED_LINE, comment_lines, cpp_string

WIDTH = 100

METHODS = {
    "GET": "Method::get",
    "HEAD": "Method::head",
    "POST": "Method::post",
    "PUT": "Method::put",
    "PATCH": "Method::patch",
    "DELETE": "Method::delete_",
}


# --------------------------------------------------------------------------
# Formatting helpers


def wrap_call(head, args, tail, indent="", width=WIDTH):
    """`head(arg, arg, ...)tail` on one line, or broken after "(" with the
    arguments packed on continuation lines indented four more spaces."""
    one = "%s%s(%s)%s" % (indent, head, ", ".join(args), tail)
    if len(one) <= width:
        return [one]
    lines = ["%s%s(" % (indent, head)]
    cont = indent + "    "
    current = cont
    for i, arg in enumerate(args):
        piece = arg + (", " if i + 1 < len(args) else ")" + tail)
        if current != cont and len(current + piece.rstrip()) > width:
            lines.append(current.rstrip())
            current = cont
        current += piece
    lines.append(current.rstrip())
    return lines


def prose(prefix, text, width=WIDTH):
    """`text` as comment lines starting with `prefix` ("/// "), wrapped at words."""
    lines = []
    current = prefix
    for word in text.split(" "):
        if current != prefix and len(current) + len(word) > width:
            lines.append(current.rstrip())
            current = prefix
        current += word + " "
    lines.append(current.rstrip())
    return lines


def guard(path):
    return "HEROKUPP_" + "".join(c.upper() if c.isalnum() else "_" for c in path)


def include_block(public, private=(), std=()):
    lines = []
    if public:
        lines += ["#include <%s>" % h for h in sorted(set(public))]
    if private:
        if lines:
            lines.append("")
        lines += ['#include "%s"' % h for h in sorted(set(private))]
    if std:
        if lines:
            lines.append("")
        lines += ["#include <%s>" % h for h in sorted(set(std))]
    return lines


def type_needs(t, headers, std):
    """Adds the headers a field of type `t` needs to be declared."""
    for x in walk_types(t):
        if isinstance(x, Prim):
            if x.kind == "string":
                std.add("string")
            elif x.kind == "int":
                std.add("cstdint")
            elif x.kind == "timestamp":
                headers.add("herokupp/timestamp.hpp")
            elif x.kind == "json":
                headers.add("nlohmann/json.hpp")
        elif isinstance(x, Enum):
            headers.add("herokupp/enumerated.hpp")
            std.add("string")
        elif isinstance(x, Vec):
            std.add("vector")
        elif isinstance(x, Map):
            std.add("map")
            std.add("string")
        elif isinstance(x, Opt):
            std.add("optional")
        elif isinstance(x, ModelRef):
            headers.add(x.resource.header())


def struct_needs(struct, headers, std):
    for s in struct.all_structs():
        for f in s.fields:
            type_needs(f.type, headers, std)


def model_refs(struct):
    out = set()
    for s in struct.all_structs():
        for f in s.fields:
            for x in walk_types(f.type):
                if isinstance(x, ModelRef):
                    out.add(x.resource.name)
    return out


def default_init(t):
    if isinstance(t, Prim) and t.kind in ("int", "double", "bool"):
        return "{}"
    return ""


EXAMPLE_UUID = "01234567-89ab-cdef-0123-456789abcdef"


def example_string(builder, pointer):
    """A plausible value for a path parameter, from the schema's examples;
    without one, a value of the parameter's format (a UUID, a number)."""
    node, _ = builder.resolve({"$ref": pointer})
    alternatives = [node] + [builder.resolve(a)[0]
                             for key in ("anyOf", "oneOf")
                             for a in reversed(node.get(key, []))]
    for a in alternatives:
        ex = a.get("example")
        if isinstance(ex, (str, int)) and not isinstance(ex, bool):
            return str(ex)
    for a in alternatives:
        if a.get("format") == "uuid":
            return EXAMPLE_UUID
        if "integer" in builder.types_of(a):
            return "1"
    return "example"


def first_string_field(struct):
    for f in struct.fields:
        if isinstance(f.type, Prim) and f.type.kind == "string":
            return f
    return None


# --------------------------------------------------------------------------
# Struct declarations


def example_block(lines, pad=""):
    out = ["%s///" % pad, "%s/// @par Example" % pad, "%s/// @code" % pad]
    out += ["%s/// %s" % (pad, line) for line in lines]
    out.append("%s/// @endcode" % pad)
    return out


def enum_doc(enum, struct, pad):
    def holds(t):
        t = docs.base_type(t)
        return t is enum or (isinstance(t, Vec) and docs.base_type(t.inner) is enum)

    holder = next((f for f in struct.fields if holds(f.type)), None)
    where = enum.json_path.rstrip("[]").rstrip(".")
    text = "The values of `%s`: %s. Text the schema does not list decodes as `unknown`, " \
        "and `raw` keeps it." % (where, docs.enum_values(enum))
    ex = holder.schema.get("example") if holder is not None else None
    raws = [r for _, r in enum.values]
    raw = ex if ex in raws else raws[0]
    enumerator = next(e for e, r in enum.values if r == raw)
    lines = [
        "using %s = herokupp::%s;" % (enum.name, enum.qualified()),
        "herokupp::Enumerated<%s> %s = %s::%s;"
        % (enum.name, docs.variable_name(enum.name), enum.name, enumerator),
        "if (%s == %s::%s) std::cout << %s;"
        % (docs.variable_name(enum.name), enum.name, enumerator, cpp_string(raw + "\n")),
    ]
    return prose(pad + "/// ", text) + example_block(lines, pad)


def nested_doc(struct, builder):
    path = struct.json_path
    if struct.namespace != "herokupp":
        # A request member: "<resource>.<function>.<member>..." -> "<member>...".
        path = path.split(".", 2)[-1]
    if path.endswith("[]"):
        text = "One item of `%s`." % path[:-2]
    else:
        text = "The object in `%s`." % path
    var = docs.variable_name(struct.name)
    lines = ["herokupp::%s %s;" % (struct.qualified(), var)]
    if struct.namespace != "herokupp":
        lines += docs.assignments(struct, var, True, builder)
    if len(lines) == 1:
        lines += docs.assignments(struct, var, False, builder)
    if len(lines) == 1:
        f = docs.printable_field(struct)
        if f is not None:
            lines.append("std::cout << %s.%s << \"\\n\";" % (var, f.cpp_name))
    return prose("/// ", text) + example_block(lines)


def declare_struct(struct, indent, out, builder, top_doc=None, where="the body"):
    pad = "  " * indent
    if top_doc:
        out.extend(pad + line for line in top_doc)
    out.append("%sstruct %s {" % (pad, struct.name))
    inner = "  " * (indent + 1)
    for n in struct.nested:
        if isinstance(n, Enum):
            out.extend(enum_doc(n, struct, inner))
            out.append("%senum class %s {" % (inner, n.name))
            out.append("%s  unknown," % inner)
            for enumerator, raw in n.values:
                out.append("%s  %s," % (inner, enumerator))
            out.append("%s};" % inner)
            out.append("")
        else:
            declare_struct(n, indent + 1, out, builder, nested_doc(n, builder), where)
            out.append("")
    for f in struct.fields:
        out.extend(prose(inner + "/// ", docs.field_doc(f, struct, builder, where)))
        out.append("%s%s %s%s;" % (inner, f.type.spell(struct), f.cpp_name, default_init(f.type)))
    out.append("%s};" % pad)


# --------------------------------------------------------------------------
# Model headers


def returned_by(builder, res):
    """The endpoint functions whose answers hold this resource's model."""
    out = []
    for other in sorted(builder.resources.values(), key=lambda r: r.name):
        for link in other.links:
            if link.result_type is not None and link.result_type.model_resource() is res:
                out.append("api::%s::%s" % (other.snake, link.func))
    return out


def model_summary(builder, res):
    fields = len(res.model.fields)
    text = "What the API answers about %s (schema definition `%s`, %d field%s)." % (
        docs.with_article(res.display_name()), res.name, fields, "" if fields == 1 else "s")
    funcs = returned_by(builder, res)
    if funcs:
        shown = funcs[:6]
        rest = len(funcs) - len(shown)
        text += " Returned by %s%s." % (", ".join(shown),
                                        " and %d more" % rest if rest else "")
    return text


def model_example(res, alias=None):
    """Decodes a one-member answer built from a schema example and prints it;
    with `alias`, through the alias's own decode function."""
    struct = res.model
    named = alias or res
    var = docs.variable_name(named.type_name())
    member = None
    f = docs.printable_field(struct)
    for candidate in ([f] if f is not None else []) + struct.fields:
        member = docs.example_json_member(candidate)
        if member is not None:
            f = candidate
            break
    if member is None:
        return ["auto %s = herokupp::%s(\"{}\");" % (var, named.from_json_name()),
                "if (!%s) std::cerr << %s.error().message << \"\\n\";" % (var, var)]
    lines = ["auto %s = herokupp::%s(R\"(%s)\");" % (var, named.from_json_name(), member)]
    if isinstance(f.type, Opt):
        lines.append("if (%s && %s->%s) std::cout << *%s->%s << \"\\n\";"
                     % (var, var, f.cpp_name, var, f.cpp_name))
    else:
        lines.append("if (%s) std::cout << %s->%s << \"\\n\";" % (var, var, f.cpp_name))
    return lines


def model_header(builder, res):
    path = "include/" + res.header()
    headers = {"herokupp/error.hpp", "herokupp/export.hpp"}
    std = {"string", "string_view"}
    body = []
    decode_decl = None
    if res.kind == "struct":
        struct = res.model
        name = struct.name
        struct_needs(struct, headers, std)
        doc = prose("/// ", model_summary(builder, res))
        doc += example_block(model_example(res))
        declare_struct(struct, 0, body, builder, doc)
        body += ["", "/// The JSON text of a `%s`, as the API writes it." % name,
                 "HEROKUPP_API std::string to_json(%s const& value);" % name, ""]
        body += prose("/// ", "Decodes a `%s` from JSON text. A field of the wrong type is an "
                      "Error of kind decode that names it (\"%s.<field>\")." % (name, res.snake))
    elif res.kind == "map":
        name = res.type_name()
        type_needs(res.map_type, headers, std)
        type_needs(res.map_update_type, headers, std)
        body += prose("/// ", "The %s resource (schema definition `%s`): names to values."
                      % (res.display_name(), res.name))
        body += [
            "///",
            "/// @par Example",
            "/// @code",
            "/// auto vars = herokupp::%s(R\"({\"FOO\":\"bar\"})\").value();"
            % res.from_json_name(),
            "/// std::cout << vars.at(\"FOO\");",
            "/// @endcode",
            "using %s = %s;" % (name, res.map_type.spell()),
            "",
            "/// A change to %s: a value sets a name, `std::nullopt` removes it." % name,
            "///",
            "/// @par Example",
            "/// @code",
            "/// herokupp::%sUpdate change{{\"FOO\", \"bar\"}, {\"OLD\", std::nullopt}};" % name,
            "/// @endcode",
            "using %sUpdate = %s;" % (name, res.map_update_type.spell()),
            "",
            "/// The JSON text of `%s`." % name,
            "HEROKUPP_API std::string %s_to_json(%s const& value);" % (res.snake, name),
            "",
        ]
        body += prose("/// ", "Decodes `%s` from JSON text; a value of the wrong type is an Error "
                      "of kind decode that names it (\"%s.<name>\")." % (name, res.snake))
    else:
        target = res.alias_of
        headers.add(target.header())
        name = res.type_name()
        body += prose("/// ", "The %s resource (schema definition `%s`): its links return a `%s` "
                      "(schema definition `%s`)." % (res.display_name(), res.name,
                                                     target.model_type_name(), target.name))
        body += example_block(model_example(target, alias=res))
        body += [
            "using %s = %s;" % (name, target.model_type_name()),
            "",
        ]
        body += prose("/// ", "Decodes a `%s` from JSON text; errors name the field "
                      "(\"%s.<field>\")." % (name, target.snake))
    body += wrap_call("HEROKUPP_API result<%s> %s" % (name, res.from_json_name()),
                      ["std::string_view text"], ";")
    headers.discard(res.header())
    g = guard("models/" + res.snake + "_hpp")
    lines = [GENERATED_LINE]
    lines += prose("// ", "The %s model (schema definition `%s`)." % (res.display_name(), res.name))
    lines += ["#ifndef " + g, "#define " + g, ""]
    lines += include_block(sorted(headers), (), sorted(std))
    lines += ["", "namespace herokupp {", ""]
    lines += body
    lines += ["", "}  // namespace herokupp", "", "#endif  // " + g, ""]
    return path, "\n".join(lines)


# --------------------------------------------------------------------------
# Codec headers and definitions


def codec_header_path(res):
    return "src/models/%s_codec.hpp" % res.snake


def codec_include(res):
    return "models/%s_codec.hpp" % res.snake


def enum_traits(enum, out):
    q = enum.qualified()
    out.append("template <>")
    out.append("struct EnumTraits<%s> {" % q)
    out.append("  using E = %s;" % q)
    out.append("  static constexpr std::pair<E, std::string_view> values[] = {")
    for enumerator, raw in enum.values:
        out.append("      {E::%s, %s}," % (enumerator, cpp_string(raw)))
    out.append("  };")
    out.append("};")
    out.append("")


def codec_decl(struct, out):
    q = struct.qualified()
    out.append("template <>")
    out.append("struct Codec<%s> {" % q)
    out += wrap_call("static void read", ["JsonReader& r", "%s& out" % q], ";", "  ")
    out += wrap_call("static void encode", ["nlohmann::json& j", "%s const& in" % q], ";", "  ")
    out.append("};")
    out.append("")


def codec_header(res):
    path = codec_header_path(res)
    private = {"core/json_codec.hpp"}
    std = set()
    body = []
    if res.kind == "struct":
        for dep in sorted(model_refs(res.model)):
            private.add("models/%s_codec.hpp" % dep.replace("-", "_"))
        for enum in res.model.all_enums():
            enum_traits(enum, body)
            std.update(["string_view", "utility"])
        for s in res.model.all_structs():
            codec_decl(s, body)
    elif res.kind == "alias":
        private.add(codec_include(res.alias_of))
    g = guard("src/models/" + res.snake + "_codec_hpp")
    lines = [
        GENERATED_LINE,
        "// Internal: the JSON codecs of the %s model." % res.display_name(),
        "#ifndef " + g,
        "#define " + g,
        "",
    ]
    lines += include_block([res.header()], sorted(private), sorted(std))
    if body:
        lines += ["", "namespace herokupp::detail {", ""]
        lines += body[:-1] if body and body[-1] == "" else body
        lines += ["", "}  // namespace herokupp::detail"]
    lines += ["", "#endif  // " + g, ""]
    return path, "\n".join(lines)


def write_statement(f, obj, src, indent):
    """The lines encoding field `f` of `src` into `obj`."""
    if f.required and isinstance(f.type, Opt):
        # Required but nullable: always sent, null when empty.
        return wrap_call("Codec<%s>::encode" % f.type.spell(),
                         ["%s[%s]" % (obj, cpp_string(f.json_name)), "%s.%s" % (src, f.cpp_name)],
                         ";", indent)
    return wrap_call("write_field", [obj, cpp_string(f.json_name), "%s.%s" % (src, f.cpp_name)],
                     ";", indent)


def member_dispatch(struct):
    """The body of Codec<struct>::read: each known member read into its field,
    anything else skipped. Keys are told apart by length first, so most
    members cost one or two comparisons."""
    out = ["  read_members(r, [&](std::string_view key) {"]
    by_length = {}
    for f in struct.fields:
        by_length.setdefault(len(f.json_name.encode("utf-8")), []).append(f)
    if by_length:
        out.append("    switch (key.size()) {")
        for length in sorted(by_length):
            out.append("      case %d:" % length)
            for f in by_length[length]:
                name = cpp_string(f.json_name)
                out += wrap_call("if (key == %s) return read_member" % name,
                                 ["r", name, "out.%s" % f.cpp_name], ";", "        ")
            out.append("        break;")
        out.append("      default:")
        out.append("        break;")
        out.append("    }")
    out.append("    r.skip();")
    out.append("  });")
    return out


def codec_definitions(struct, out):
    """Out-of-line definitions of Codec<struct> (and nested), in namespace detail."""
    for s in struct.all_structs():
        q = s.qualified()
        out += wrap_call("void Codec<%s>::read" % q, ["JsonReader& r", "%s& out" % q], " {")
        out += member_dispatch(s)
        out.append("}")
        out.append("")
        out += wrap_call("void Codec<%s>::encode" % q,
                         ["nlohmann::json& j", "%s const& in" % q], " {")
        out.append("  j = nlohmann::json::object();")
        for f in s.fields:
            out += write_statement(f, "j", "in", "  ")
        out.append("}")
        out.append("")


def params_codecs(struct, out):
    """Encode-only codecs for a params struct, inner structs first."""
    for s in reversed(struct.all_structs()):
        q = s.qualified()
        out.append("template <>")
        out.append("struct Codec<%s> {" % q)
        out += wrap_call("static void encode",
                         ["nlohmann::json& j", "%s const& in" % q], " {", "  ")
        out.append("    j = nlohmann::json::object();")
        for f in s.fields:
            out += write_statement(f, "j", "in", "    ")
        out.append("  }")
        out.append("};")
        out.append("")


# --------------------------------------------------------------------------
# Endpoints


def result_spelling(link):
    if link.result_kind == "void":
        return "result<void>"
    model = "herokupp::" + link.result_type.model_type_name()
    if link.result_kind == "one":
        return "result<%s>" % model
    if link.result_kind == "vector":
        return "result<std::vector<%s>>" % model
    return "Paged<%s>" % model


def params_type(link):
    return None if link.body is None else link.params_name()


def link_args(link, with_defaults):
    args = ["Client const& client"]
    args += ["std::string_view %s" % p.name for p in link.params]
    pt = params_type(link)
    if pt is not None:
        arg = "%s const& params" % pt
        if with_defaults and not link.body_required:
            arg += " = {}"
        args.append(arg)
    if link.result_kind == "paged":
        args.append("ListOptions const& options" + (" = {}" if with_defaults else ""))
    return args


def example_call(builder, link):
    """The lines of a one-call example, at most WIDTH wide once in a comment."""
    ns = "herokupp::api::%s::" % link.resource.snake
    args = ["client"] + [cpp_string(example_string(builder, p.pointer)) for p in link.params]
    if params_type(link) is not None and link.body_required:
        args.append("params")
    if link.result_kind == "paged":
        lines = wrap_call("auto items = " + ns + link.func, args, ";", width=WIDTH - 4)
        lines.append("for (auto const& item : items) if (item) use(*item);")
        return lines
    if link.result_kind == "void":
        return wrap_call("herokupp::result<void> done = " + ns + link.func, args, ";",
                         width=WIDTH - 4)
    return wrap_call("auto value = " + ns + link.func, args, ";", width=WIDTH - 4)


def required_sentence(struct):
    required = [f for f in struct.fields if f.required]
    if not required:
        return "Every member is optional."
    names = ", ".join("`%s`" % f.json_name for f in required)
    return "Requires %s." % names


def params_example(builder, res, link):
    pt = params_type(link)
    if not isinstance(link.body, Struct):
        return ["herokupp::api::%s::%s params{{\"FOO\", \"bar\"}};" % (res.snake, pt)]
    lines = ["herokupp::api::%s::%s params;" % (res.snake, pt)]
    set_lines = docs.assignments(link.body, "params", True, builder)
    if not set_lines:
        set_lines = docs.assignments(link.body, "params", False, builder)
    return lines + set_lines


def path_param_phrase(builder, param):
    node, _ = builder.resolve({"$ref": param.pointer})
    owner = param.pointer.split("/")[2]
    whose = builder.resources[owner].display_name() if owner in builder.resources else owner
    alternatives = docs.identity_alternatives(builder, node)
    if alternatives:
        what = docs.identity_phrase(alternatives)
    else:
        leaf = param.pointer.rsplit("/", 1)[-1]
        noun = docs.format_noun(node)[0]
        what = "the %s's `%s`" % (whose, leaf)
        if noun != "string":
            what += " (%s)" % docs.with_article(noun)
    return "`%s` is %s" % (param.name, what)


def returns_phrase(link):
    if link.result_kind == "void":
        return "Answers with no content: success or an Error."
    model = link.result_type.model_type_name()
    if link.result_kind == "one" and link.result_type.kind == "map":
        return "Answers with %s: every name and its value." % model
    if link.result_kind == "one":
        return "Answers with %s." % docs.with_article(model)
    if link.result_kind == "vector":
        return "Answers with every %s at once, as a `std::vector`." % model
    return ("Lists %s objects lazily, a page per request; `options` sets the page size, "
            "order and sort field." % model)


def link_facts(builder, link):
    parts = []
    if link.params:
        parts.append(docs.sentence("; ".join(path_param_phrase(builder, p)
                                             for p in link.params)) + ".")
    pt = params_type(link)
    if pt is not None:
        where = "the query string" if link.body_in_query else "the body"
        if isinstance(link.body, Struct):
            parts.append("Sends %s in %s. %s" % (pt, where, required_sentence(link.body)))
        else:
            parts.append("Sends %s in %s." % (pt, where))
    parts.append(returns_phrase(link))
    return " ".join(parts)


def link_example(builder, link):
    res = link.resource
    lines = []
    if params_type(link) is not None and link.body_required:
        lines += params_example(builder, res, link)
    ns = "herokupp::api::%s::" % res.snake
    args = ["client"] + [cpp_string(example_string(builder, p.pointer)) for p in link.params]
    if params_type(link) is not None and link.body_required:
        args.append("params")
    if link.result_kind == "paged":
        model = link.result_type.model_resource()
        f = docs.printable_field(model.model) if model.model is not None else None
        lines += wrap_call("for (auto const& item : " + ns + link.func, args, ")",
                           width=WIDTH - 4)
        if f is not None:
            lines.append("  if (item) std::cout << item->%s << \"\\n\";" % f.cpp_name)
        else:
            lines.append("  if (!item) std::cerr << item.error().message << \"\\n\";")
        return lines
    if link.result_kind == "void":
        var = "done"
    elif link.result_kind == "vector":
        var = docs.variable_name(link.result_type.model_type_name()) + "_list"
    else:
        var = docs.variable_name(link.result_type.model_type_name())
    lines += wrap_call("auto %s = %s%s" % (var, ns, link.func), args, ";", width=WIDTH - 4)
    if link.result_kind == "vector":
        lines.append("if (%s) std::cout << %s->size() << \"\\n\";" % (var, var))
    else:
        lines.append("if (!%s) std::cerr << %s.error().message << \"\\n\";" % (var, var))
    return lines


def api_header(builder, res):
    path = "include/herokupp/api/%s.hpp" % res.snake
    headers = {"herokupp/client.hpp", "herokupp/error.hpp", "herokupp/export.hpp"}
    std = {"string_view"}
    body = []
    for link in res.links:
        if link.result_kind == "paged":
            headers.add("herokupp/paging.hpp")
        if link.result_kind == "vector":
            std.add("vector")
        if link.result_type is not None:
            headers.add(link.result_type.header())
        if isinstance(link.body, Struct):
            struct_needs(link.body, headers, std)
        elif link.body is not None:
            if link.body_alias.startswith("herokupp::"):
                headers.add(res.header())
            else:
                type_needs(link.body, headers, std)
    # Params first, so that a function's doc is next to it.
    for link in res.links:
        pt = params_type(link)
        if pt is None:
            continue
        where = "the query string" if link.body_in_query else "the body"
        if isinstance(link.body, Struct):
            doc = prose("/// ", "What %s sends in %s. %s" % (
                link.label(), where, required_sentence(link.body)))
            doc += example_block(params_example(builder, res, link))
            declare_struct(link.body, 0, body, builder, doc, where)
        else:
            body += prose("/// ", "What %s sends in %s: names to values, where `std::nullopt` "
                          "sends null, which removes the name." % (link.label(), where))
            body += example_block(["herokupp::api::%s::%s params{{\"FOO\", \"bar\"}};"
                                   % (res.snake, pt)])
            body.append("using %s = %s;" % (pt, link.body_alias))
        body.append("")
    for link in res.links:
        body += ["/// %s: `%s %s`." % (link.label(), link.method, link.href_display()), "///"]
        body += prose("/// ", link_facts(builder, link))
        body += example_block(link_example(builder, link))
        body += wrap_call("HEROKUPP_API %s %s" % (result_spelling(link), link.func),
                          link_args(link, True), ";")
        body.append("")
    g = guard("api/" + res.snake + "_hpp")
    lines = [
        GENERATED_LINE,
        "// The endpoints of the %s resource" % res.display_name(),
        "// (schema definition `%s`)." % res.name,
        "#ifndef " + g,
        "#define " + g,
        "",
    ]
    lines += include_block(sorted(headers), (), sorted(std))
    lines += ["", "namespace herokupp::api::%s {" % res.snake, ""]
    lines += body
    lines += ["}  // namespace herokupp::api::%s" % res.snake, "", "#endif  // " + g, ""]
    return path, "\n".join(lines)


def sample_doc_value(f):
    t = f.type.inner if isinstance(f.type, Opt) else f.type
    if isinstance(t, Prim):
        ex = f.schema.get("example")
        if t.kind == "string":
            return cpp_string(ex if isinstance(ex, str) else "example")
        if t.kind == "int":
            return str(ex) if isinstance(ex, int) and not isinstance(ex, bool) else "1"
        if t.kind == "double":
            number = isinstance(ex, (int, float)) and not isinstance(ex, bool)
            return repr(float(ex)) if number else "1.0"
        if t.kind == "bool":
            return "true"
        if t.kind == "timestamp":
            return "herokupp::Timestamp::now()"
    if isinstance(t, Enum):
        return "{herokupp::%s::%s, %s}" % (
            t.qualified(), t.values[0][0], cpp_string(t.values[0][1]))
    if isinstance(t, Vec) and isinstance(t.inner, Prim) and t.inner.kind == "string":
        return '{"example"}'
    return "{}"


def path_expression(link):
    parts = []
    for kind, value in link.segments:
        if kind == "lit":
            parts.append(".lit(%s)" % cpp_string(value))
        else:
            parts.append(".param(%s, %s)" % (cpp_string(value.name), value.name))
    lines = ["  detail::PathBuilder builder;"]
    one = "  builder" + "".join(parts) + ";"
    if len(one) <= WIDTH:
        lines.append(one)
    else:
        lines.append("  builder" + parts[0])
        lines += ["      " + p for p in parts[1:]]
        lines[-1] += ";"
    lines.append("  auto path = std::move(builder).build();")
    return lines


def endpoint_definition(link, out):
    res = link.resource
    out += wrap_call("%s %s" % (result_spelling(link), link.func), link_args(link, False), " {")
    method = METHODS[link.method]
    has_body = link.body is not None and not link.body_in_query
    out += path_expression(link)
    if link.body_in_query:
        out.append("  if (path) {")
        for f in link.body.fields:
            out.append("    detail::append_query(path.value(), %s, params.%s);"
                       % (cpp_string(f.json_name), f.cpp_name))
        out.append("  }")
    body_ptr = "nullptr"
    if has_body:
        out.append("  std::string const body = detail::encode_text(params);")
        body_ptr = "&body"
    root = cpp_string(link.decode_root or "")
    if link.result_kind == "void":
        call = wrap_call("return detail::call_void",
                         ["client", method, "std::move(path)", body_ptr], ";", "  ")
    elif link.result_kind == "paged":
        model = "herokupp::" + link.result_type.model_type_name()
        if has_body:
            call = wrap_call("return detail::list_with_body<%s>" % model,
                             ["client", method, "std::move(path)", "body", "options", root],
                             ";", "  ")
        elif link.method != "GET":
            call = wrap_call("return detail::list_with_body<%s>" % model,
                             ["client", method, "std::move(path)", "std::string()", "options",
                              root], ";", "  ")
        else:
            call = wrap_call("return detail::list<%s>" % model,
                             ["client", "std::move(path)", "options", root], ";", "  ")
    else:
        model = "herokupp::" + link.result_type.model_type_name()
        t = model if link.result_kind == "one" else "std::vector<%s>" % model
        call = wrap_call("return detail::call<%s>" % t,
                         ["client", method, "std::move(path)", body_ptr, root], ";", "  ")
    out += call
    out.append("}")
    out.append("")


# --------------------------------------------------------------------------
# Translation units


def resource_weight(res):
    w = 2 + len(res.links) * 2
    if res.model is not None:
        w += sum(3 + len(s.fields) for s in res.model.all_structs())
    for link in res.links:
        if isinstance(link.body, Struct):
            w += sum(1 + len(s.fields) for s in link.body.all_structs())
    return w


def group_resources(resources, count):
    """Splits the sorted resources into `count` contiguous, balanced groups."""
    total = sum(resource_weight(r) for r in resources)
    groups = []
    current = []
    acc = 0
    for i, res in enumerate(resources):
        current.append(res)
        acc += resource_weight(res)
        remaining_groups = count - len(groups) - 1
        remaining_items = len(resources) - i - 1
        if remaining_groups > 0 and (acc >= total * (len(groups) + 1) / count
                                     or remaining_items == remaining_groups):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def group_path(group):
    if len(group) == 1:
        return "src/api/%s.cpp" % group[0].snake
    return "src/api/%s_to_%s.cpp" % (group[0].snake, group[-1].snake)


def translation_unit(group):
    path = group_path(group)
    public = set()
    private = {"core/endpoint.hpp", "core/json_codec.hpp", "core/path_builder.hpp"}
    std = {"string", "string_view", "utility"}
    for res in group:
        public.add(res.header())
        private.add(codec_include(res))
        if res.links:
            public.add("herokupp/api/%s.hpp" % res.snake)
        for link in res.links:
            if link.result_type is not None:
                private.add(codec_include(link.result_type))
            if isinstance(link.body, Struct):
                for dep in model_refs(link.body):
                    private.add("models/%s_codec.hpp" % dep.replace("-", "_"))
            if link.body_in_query:
                private.add("core/query.hpp")
            if link.result_kind == "paged" and (link.method != "GET"):
                private.add("core/list_with_body.hpp")
            if link.result_kind == "vector":
                std.add("vector")
    lines = [GENERATED_LINE] + comment_lines("Codecs and endpoints of:", [r.name for r in group])
    lines.append("")
    lines += include_block(sorted(public), sorted(private), sorted(std))
    lines.append("")
    for res in group:
        lines += resource_definitions(res)
    return path, "\n".join(lines).rstrip("\n") + "\n"


def resource_definitions(res):
    out = ["// " + "-" * 74, "// %s" % res.display_name(), ""]
    if res.kind == "struct":
        out.append("namespace herokupp::detail {")
        out.append("")
        codec_definitions(res.model, out)
        out.append("}  // namespace herokupp::detail")
        out.append("")
    out.append("namespace herokupp {")
    out.append("")
    if res.kind == "struct":
        name = res.model.name
        out.append("std::string to_json(%s const& value) {" % name)
        out.append("  return detail::encode_text(value);")
        out.append("}")
        out.append("")
        out += wrap_call("result<%s> %s" % (name, res.from_json_name()),
                         ["std::string_view text"], " {")
        out += wrap_call("return detail::decode_text<%s>" % name,
                         ["text", cpp_string(res.snake)], ";", "  ")
        out.append("}")
    elif res.kind == "map":
        name = res.type_name()
        out += wrap_call("std::string %s_to_json" % res.snake, ["%s const& value" % name], " {")
        out.append("  return detail::encode_text(value);")
        out.append("}")
        out.append("")
        out += wrap_call("result<%s> %s" % (name, res.from_json_name()),
                         ["std::string_view text"], " {")
        out += wrap_call("return detail::decode_text<%s>" % name,
                         ["text", cpp_string(res.snake)], ";", "  ")
        out.append("}")
    else:
        target = res.alias_of
        name = res.type_name()
        out += wrap_call("result<%s> %s" % (name, res.from_json_name()),
                         ["std::string_view text"], " {")
        out += wrap_call("return detail::decode_text<%s>" % target.model_type_name(),
                         ["text", cpp_string(target.snake)], ";", "  ")
        out.append("}")
    out.append("")
    out.append("}  // namespace herokupp")
    out.append("")
    structs = [l.body for l in res.links if isinstance(l.body, Struct) and not l.body_in_query]
    if structs:
        out.append("namespace herokupp::detail {")
        out.append("")
        for s in structs:
            for enum in s.all_enums():
                enum_traits(enum, out)
            params_codecs(s, out)
        out.append("}  // namespace herokupp::detail")
        out.append("")
    if res.links:
        out.append("namespace herokupp::api::%s {" % res.snake)
        out.append("")
        for link in res.links:
            endpoint_definition(link, out)
        out.append("}  // namespace herokupp::api::%s" % res.snake)
        out.append("")
    return out


def umbrella(path, title, headers):
    g = guard(path[len("include/herokupp/"):].replace(".", "_"))
    lines = [GENERATED_LINE, "// %s" % title, "#ifndef " + g, "#define " + g, ""]
    lines += ["#include <%s>" % h for h in sorted(headers)]
    lines += ["", "#endif  // " + g, ""]
    return path, "\n".join(lines)


def generate(builder, resources, groups):
    files = {}
    for res in resources:
        p, text = model_header(builder, res)
        files[p] = text
        p, text = codec_header(res)
        files[p] = text
        if res.links:
            p, text = api_header(builder, res)
            files[p] = text
    for group in group_resources(resources, groups):
        p, text = translation_unit(group)
        files[p] = text
    p, text = umbrella("include/herokupp/models/all.hpp", "Every model header.",
                       [r.header() for r in resources])
    files[p] = text
    p, text = umbrella("include/herokupp/api/all.hpp", "Every endpoint header.",
                       ["herokupp/api/%s.hpp" % r.snake for r in resources if r.links])
    files[p] = text
    return files

"""Prints the library's generated C++: models, codecs, endpoints."""

from ir import Enum, Map, ModelRef, Opt, Prim, Struct, Vec, walk_types
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


def example_string(builder, pointer):
    """A plausible value for a path parameter, from the schema's examples."""
    node, _ = builder.resolve({"$ref": pointer})
    if isinstance(node.get("example"), (str, int)) and not isinstance(node.get("example"), bool):
        return str(node["example"])
    for key in ("anyOf", "oneOf"):
        for alt in reversed(node.get(key, [])):
            a, refs = builder.resolve(alt)
            if isinstance(a.get("example"), str):
                return a["example"]
    return "example"


def first_string_field(struct):
    for f in struct.fields:
        if isinstance(f.type, Prim) and f.type.kind == "string":
            return f
    return None


# --------------------------------------------------------------------------
# Struct declarations


def declare_struct(struct, indent, out, top_doc=None):
    pad = "  " * indent
    if top_doc:
        out.extend(pad + line for line in top_doc)
    out.append("%sstruct %s {" % (pad, struct.name))
    inner = "  " * (indent + 1)
    for n in struct.nested:
        if isinstance(n, Enum):
            out.extend(prose(inner + "/// ", "`%s`. A value the schema does not list decodes as "
                             "`unknown`, with the API's text kept in `raw`." % n.json_path))
            out.append("%s///" % inner)
            out.append("%s/// @par Example" % inner)
            out.append("%s/// @code" % inner)
            wanted = "herokupp::%s::%s;" % (n.qualified(), n.values[0][0])
            if len(inner) + len("/// auto wanted = ") + len(wanted) <= WIDTH:
                out.append("%s/// auto wanted = %s" % (inner, wanted))
            else:
                out.append("%s/// auto wanted =" % inner)
                out.append("%s///     %s" % (inner, wanted))
            out.append("%s/// @endcode" % inner)
            out.append("%senum class %s {" % (inner, n.name))
            out.append("%s  unknown," % inner)
            for enumerator, raw in n.values:
                out.append("%s  %s," % (inner, enumerator))
            out.append("%s};" % inner)
            out.append("")
        else:
            doc = ["/// `%s`." % n.json_path, "///", "/// @par Example", "/// @code",
                   "/// herokupp::%s value;" % n.qualified()]
            f = first_string_field(n)
            if f is not None:
                doc.append("/// value.%s = \"example\";" % f.cpp_name)
            doc.append("/// @endcode")
            declare_struct(n, indent + 1, out, doc)
            out.append("")
    for f in struct.fields:
        if f.cpp_name != f.json_name:
            out.append("%s/// JSON `%s`." % (inner, f.json_name))
        out.append("%s%s %s%s;" % (inner, f.type.spell(struct), f.cpp_name, default_init(f.type)))
    out.append("%s};" % pad)


# --------------------------------------------------------------------------
# Model headers


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
        f = first_string_field(struct)
        doc = prose("/// ", "The %s resource (schema definition `%s`)."
                    % (res.display_name(), res.name))
        doc += ["///", "/// @par Example", "/// @code",
                "/// auto value = herokupp::%s(json_text);" % res.from_json_name()]
        if f is not None:
            doc.append("/// if (value) std::cout << value->%s << \"\\n\";" % f.cpp_name)
        else:
            doc.append("/// if (!value) std::cerr << value.error().message << \"\\n\";")
        doc.append("/// @endcode")
        declare_struct(struct, 0, body, doc)
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
        body += [
            "///",
            "/// @par Example",
            "/// @code",
            "/// auto value = herokupp::%s(json_text);" % res.from_json_name(),
            "/// @endcode",
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
        where = "query string" if link.body_in_query else "body"
        if isinstance(link.body, Struct):
            doc = [
                "/// The %s of %s." % (where, link.label()),
                "///",
                "/// @par Example",
                "/// @code",
                "/// herokupp::api::%s::%s params;" % (res.snake, pt),
            ]
            f = next((f for f in link.body.fields if f.required), None) or (
                link.body.fields[0] if link.body.fields else None)
            if f is not None:
                doc.append("/// params.%s = %s;" % (f.cpp_name, sample_doc_value(f)))
            doc.append("/// @endcode")
            declare_struct(link.body, 0, body, doc)
        else:
            body += [
                "/// The %s of %s." % (where, link.label()),
                "///",
                "/// @par Example",
                "/// @code",
                "/// herokupp::api::%s::%s params{{\"FOO\", \"bar\"}};" % (res.snake, pt),
                "/// @endcode",
                "using %s = %s;" % (pt, link.body_alias),
            ]
        body.append("")
    for link in res.links:
        body += [
            "/// %s:" % link.label(),
            "/// `%s %s`." % (link.method, link.href_display()),
            "///",
            "/// @par Example",
            "/// @code",
        ]
        body += ["/// " + line for line in example_call(builder, link)]
        body += [
            "/// @endcode",
        ]
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

"""The schema, read into an intermediate form the emitters print from.

A Resource is one schema definition: its model (a struct, a map alias or an
alias of another resource's model) and its links (one C++ function each).
"""

import re
import urllib.parse

from naming import (
    enumerator_name,
    function_name,
    member_name,
    pascal,
    singular,
    snake,
    unique,
)


class CodegenError(Exception):
    pass


# --------------------------------------------------------------------------
# Types


class Type:
    def spell(self, scope=None):
        """The C++ spelling. `scope` is the struct the spelling appears in
        (nested types declared there are named without qualification)."""
        raise NotImplementedError


class Prim(Type):
    def __init__(self, kind):
        self.kind = kind  # string, int, double, bool, timestamp, json

    def spell(self, scope=None):
        return {
            "string": "std::string",
            "int": "std::int64_t",
            "double": "double",
            "bool": "bool",
            "timestamp": "Timestamp",
            "json": "nlohmann::json",
        }[self.kind]


class Enum(Type):
    def __init__(self, name, owner, values, json_path):
        self.name = name
        self.owner = owner
        self.json_path = json_path
        # [(enumerator, raw value)], schema order; "unknown" is implicit.
        self.values = []
        taken = {"unknown"}
        for raw in values:
            if raw == "unknown":
                continue  # the implicit first enumerator already stands for it
            self.values.append((unique(enumerator_name(raw), taken), raw))
        self.has_unknown_value = "unknown" in values

    def qualified(self):
        return self.owner.qualified() + "::" + self.name

    def spell(self, scope=None):
        inner = self.name if scope is self.owner else self.qualified()
        return "Enumerated<%s>" % inner


class Struct(Type):
    def __init__(self, name, owner, json_path, namespace="herokupp"):
        self.name = name
        self.owner = owner  # enclosing Struct, or None
        self.json_path = json_path
        self.namespace = namespace  # "herokupp" or "herokupp::api::<res>"
        self.fields = []  # [Field]
        self.nested = []  # [Struct | Enum], declaration order
        self.taken_names = {name}
        self.resource = None  # the Resource a top-level model belongs to

    def is_params(self):
        return self.namespace != "herokupp"

    def qualified(self):
        """The name as written inside namespace herokupp."""
        if self.owner is not None:
            return self.owner.qualified() + "::" + self.name
        ns = self.namespace
        prefix = ns[len("herokupp::"):] + "::" if ns != "herokupp" else ""
        return prefix + self.name

    def spell(self, scope=None):
        if scope is not None and self.owner is scope:
            return self.name
        return self.qualified()

    def all_structs(self):
        out = [self]
        for n in self.nested:
            if isinstance(n, Struct):
                out.extend(n.all_structs())
        return out

    def all_enums(self):
        out = []
        for n in self.nested:
            if isinstance(n, Enum):
                out.append(n)
            else:
                out.extend(n.all_enums())
        return out


class ModelRef(Type):
    def __init__(self, resource_name):
        self.resource_name = resource_name
        self.resource = None  # bound after every resource is known

    def spell(self, scope=None):
        return "herokupp::" + self.resource.model_type_name()


class Vec(Type):
    def __init__(self, inner):
        self.inner = inner

    def spell(self, scope=None):
        return "std::vector<%s>" % self.inner.spell(scope)


class Map(Type):
    def __init__(self, inner):
        self.inner = inner

    def spell(self, scope=None):
        return "std::map<std::string, %s>" % self.inner.spell(scope)


class Opt(Type):
    def __init__(self, inner):
        self.inner = inner

    def spell(self, scope=None):
        return "std::optional<%s>" % self.inner.spell(scope)


def walk_types(t):
    yield t
    if isinstance(t, (Vec, Map, Opt)):
        yield from walk_types(t.inner)
    elif isinstance(t, Struct):
        for f in t.fields:
            yield from walk_types(f.type)


class Field:
    def __init__(self, json_name, cpp_name, type_, required, schema, json_path):
        self.json_name = json_name
        self.cpp_name = cpp_name
        self.type = type_
        self.required = required
        self.schema = schema  # the resolved schema node (for examples)
        self.json_path = json_path


# --------------------------------------------------------------------------
# Links and resources


class Param:
    def __init__(self, name, pointer):
        self.name = name
        self.pointer = pointer


class Link:
    def __init__(self, resource, index, raw):
        self.resource = resource
        self.index = index
        self.raw = raw
        self.title = raw.get("title", "")
        self.method = raw["method"].upper()
        self.href = raw["href"]
        self.rel = raw.get("rel")
        self.func = None
        self.segments = []  # [("lit", text) | ("param", Param)]
        self.params = []  # [Param]
        self.body = None  # Struct (params) or Map type, or None
        self.body_alias = None  # C++ type a map body aliases
        self.body_in_query = False  # GET: the body's members go in the query string
        self.body_required = False  # whether the params argument has no default
        self.result_kind = None  # one, vector, paged, void
        self.result_type = None  # Type of one item / the value
        self.decode_root = None

    def label(self):
        return "%s \u203a %s" % (self.resource.display_name(), self.title)

    def params_name(self):
        """The request type: "Batch Update" -> BatchUpdateParams."""
        return pascal(self.func) + "Params"

    def href_display(self):
        out = []
        for kind, value in self.segments:
            out.append(value if kind == "lit" else "{%s}" % value.name)
        return "".join(out)


class Resource:
    def __init__(self, name, schema):
        self.name = name  # "app-feature"
        self.schema = schema
        self.snake = snake(name)  # "app_feature"
        self.kind = None  # struct, map, alias
        self.model = None  # Struct, for kind == struct
        self.map_type = None  # Map, for kind == map
        self.map_update_type = None  # Map, for kind == map
        self.alias_of = None  # Resource, for kind == alias
        self.model_source = None  # "properties", "definitions/<x>", "definitions", ...
        self.links = []
        self.deps = set()  # names of resources whose models the model uses

    def display_name(self):
        title = self.schema.get("title", "")
        prefix = "Heroku Platform API - "
        if title.startswith(prefix):
            return title[len(prefix):]
        return pascal(self.name)

    def type_name(self):
        if self.kind == "map":
            return pascal(self.name) + "s"
        return pascal(self.name)

    def model_type_name(self):
        """The C++ type (in namespace herokupp) that holds this resource."""
        if self.kind == "alias":
            return self.alias_of.model_type_name()
        return self.type_name()

    def model_resource(self):
        """The resource whose model this one's is (itself unless an alias)."""
        return self.alias_of.model_resource() if self.kind == "alias" else self

    def header(self):
        return "herokupp/models/%s.hpp" % self.snake

    def from_json_name(self):
        return "%s_from_json" % self.snake


# --------------------------------------------------------------------------
# Building


SCALAR_TYPES = {"string", "integer", "number", "boolean"}


class Builder:
    def __init__(self, doc):
        self.doc = doc
        self.defs = doc["definitions"]
        self.resources = {}
        self.fallbacks = []  # [(place, reason)]
        self.notes = []  # [(place, interpretation)]
        self.node_types = {}  # id(schema node) -> Resource (targets that are models)

    # -- schema access -------------------------------------------------------

    def get(self, pointer):
        if not pointer.startswith("#/"):
            raise CodegenError("unsupported $ref %r" % pointer)
        node = self.doc
        for part in pointer[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[part]
        return node

    def resolve(self, node):
        """Follows a $ref chain: (final node, [pointers followed])."""
        refs = []
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"]
            if pointer in seen:
                raise CodegenError("$ref cycle at %s" % pointer)
            seen.add(pointer)
            refs.append(pointer)
            node = self.get(pointer)
        return node, refs

    @staticmethod
    def whole_definition(pointer):
        m = re.fullmatch(r"#/definitions/([^/]+)", pointer)
        return m.group(1) if m else None

    @staticmethod
    def types_of(node):
        t = node.get("type")
        if t is None:
            return []
        return [t] if isinstance(t, str) else list(t)

    # -- resources -----------------------------------------------------------

    def build(self):
        for name in sorted(self.defs):
            self.resources[name] = Resource(name, self.defs[name])
        for name in sorted(self.resources):
            self.classify(self.resources[name])
        for name in sorted(self.resources):
            self.build_model(self.resources[name])
        for name in sorted(self.resources):
            self.bind_refs(self.resources[name])
        for name in sorted(self.resources):
            self.build_links(self.resources[name])
        self.check_model_cycles()
        return [self.resources[n] for n in sorted(self.resources)]

    def own_targets(self, res):
        """The pointers the resource's links return (directly or as items)."""
        out = []
        for link in res.schema.get("links", []):
            target = link.get("targetSchema")
            if not isinstance(target, dict):
                continue
            node = target.get("items", target) if "$ref" not in target else target
            if isinstance(node, dict) and "$ref" in node:
                out.append(node["$ref"])
        return out

    @staticmethod
    def real_properties(node):
        props = node.get("properties")
        if not isinstance(props, dict):
            return {}
        return {k: v for k, v in props.items() if re.fullmatch(r"[A-Za-z0-9_?-]+", k)}

    def classify(self, res):
        s = res.schema
        props = self.real_properties(s)
        targets = self.own_targets(res)
        own_prefix = "#/definitions/%s/definitions/" % res.name
        sub_targets = sorted({t for t in targets if t.startswith(own_prefix)})
        if "patternProperties" in s and not props:
            res.kind = "map"
            res.model_source = "patternProperties"
            if s.get("properties"):
                self.notes.append(
                    (res.name, "a map of config vars: its `properties` entry only "
                     "describes what a pair looks like and is not a field"))
            return
        if "patternProperties" in s and props:
            raise CodegenError("%s: both properties and patternProperties" % res.name)
        if len(sub_targets) == 1:
            sub = self.get(sub_targets[0])
            if isinstance(sub, dict) and self.real_properties(sub):
                res.kind = "struct"
                res.model_source = sub_targets[0]
                missing = sorted(set(props) - set(self.real_properties(sub)))
                if missing:
                    raise CodegenError("%s: links return %s, which lacks %s"
                                       % (res.name, sub_targets[0], missing))
                self.notes.append(
                    (res.name, "its links return `%s`%s; the model is built from that"
                     % (sub_targets[0][2:], ", a superset of its own properties" if props else "")))
                return
        others = sorted({self.whole_definition(t) for t in targets} - {None, res.name})
        returns_itself = any(
            link.get("targetSchema") is None and link.get("rel") != "empty"
            for link in s.get("links", []))
        if len(others) == 1 and not sub_targets and not returns_itself:
            other = self.real_properties(self.defs[others[0]])
            if not props or set(props) == set(other):
                res.kind = "alias"
                res.alias_of_name = others[0]
                if props:
                    self.notes.append(
                        (res.name, "its links return `%s`, whose properties it repeats: "
                         "an alias of that model" % others[0]))
                return
        if props:
            res.kind = "struct"
            res.model_source = "properties"
            return
        if self.scalar_definitions(s):
            res.kind = "struct"
            res.model_source = "definitions"
            self.notes.append(
                (res.name, "no properties and no links: the model is built from its "
                 "scalar `definitions`"))
            return
        raise CodegenError("%s: cannot tell what its model is" % res.name)

    def scalar_definitions(self, node):
        """The `definitions` of an object without properties that describe
        plain fields: {name: schema}, or {} when they do not."""
        defs = node.get("definitions")
        if not isinstance(defs, dict):
            return {}
        out = {}
        for key, value in defs.items():
            resolved, _ = self.resolve(value)
            if "anyOf" in resolved or "oneOf" in resolved:
                continue  # identity helpers, not fields
            kinds = set(self.types_of(resolved)) - {"null"}
            if not kinds or not kinds <= SCALAR_TYPES:
                return {}
            out[key] = value
        return out

    def build_model(self, res):
        if res.kind == "alias":
            res.alias_of = self.resources[res.alias_of_name]
            if res.alias_of.kind == "alias":
                raise CodegenError("%s: alias of an alias" % res.name)
            return
        ctx = {"resource": res, "deps": res.deps, "self": res.name}
        if res.kind == "map":
            pattern = res.schema["patternProperties"]
            if len(pattern) != 1:
                raise CodegenError("%s: several patterns" % res.name)
            value = self.type_of(next(iter(pattern.values())), "value", None,
                                 res.snake + "[]", ctx)
            res.map_type = Map(value)
            res.map_update_type = Map(value if isinstance(value, Opt) else Opt(value))
            # The config_vars subdefinition is this same map.
            for key, sub in res.schema.get("definitions", {}).items():
                if isinstance(sub, dict) and "patternProperties" in sub:
                    self.node_types[id(sub)] = res
            self.node_types[id(res.schema)] = res
            return
        struct = Struct(res.type_name(), None, res.snake)
        struct.resource = res
        res.model = struct
        if res.model_source == "properties":
            source = res.schema
            props = self.real_properties(source)
            required = set(source.get("required", []))
        elif res.model_source == "definitions":
            source = res.schema
            props = self.scalar_definitions(source)
            required = set()
        else:
            source = self.get(res.model_source)
            props = self.real_properties(source)
            required = set(source.get("required", []))
            self.node_types[id(source)] = res
        self.node_types[id(res.schema)] = res
        self.fill_struct(struct, props, required, ctx, res.snake)

    def fill_struct(self, struct, props, required, ctx, path):
        taken_members = set()
        for json_name in sorted(props):
            node = props[json_name]
            cpp = member_name(json_name)
            if cpp in taken_members:
                cpp = unique(cpp, taken_members)
            taken_members.add(cpp)
            field_path = path + "." + json_name
            t = self.type_of(node, json_name, struct, field_path, ctx)
            if struct.is_params() and json_name not in required and not isinstance(t, Opt):
                t = Opt(t)  # a request member the caller may leave out
            resolved, _ = self.resolve(node)
            struct.fields.append(
                Field(json_name, cpp, t, json_name in required, resolved, field_path))

    def nested_name(self, struct, hint):
        base = pascal(hint) or "Value"
        if base in struct.taken_names:
            # Never the enclosing struct's own name (not allowed in C++) nor a
            # sibling's: "<Name>Value", then numbers.
            base = base + "Value"
        return unique(base, struct.taken_names)

    def fallback(self, place, reason):
        self.fallbacks.append((place, reason))
        return Prim("json")

    def type_of(self, node, hint, owner, path, ctx):
        """The C++ type of a schema node. `owner` receives nested declarations."""
        resolved, refs = self.resolve(node)
        for pointer in refs:
            target = self.whole_definition(pointer)
            if target is not None:
                if target == ctx.get("self"):
                    raise CodegenError("%s refers to its own resource" % path)
                ctx["deps"].add(target)
                return ModelRef(target)
        node = resolved
        kinds = self.types_of(node)
        nullable = "null" in kinds or None in node.get("enum", [])
        core = [k for k in kinds if k != "null"]

        def wrap(t):
            if nullable and not (isinstance(t, Prim) and t.kind == "json"):
                return Opt(t)
            return t

        for key in ("anyOf", "oneOf"):
            if key in node:
                alternatives = [self.resolve(a)[0] for a in node[key]]
                if all(self.types_of(a) and set(self.types_of(a)) - {"null"} == {"string"}
                       and "properties" not in a for a in alternatives):
                    if any("null" in self.types_of(a) for a in alternatives):
                        nullable = True
                    return wrap(Prim("string"))
                return self.fallback(path, "%s of alternatives that are not all strings" % key)
        if "allOf" in node:
            return self.fallback(path, "allOf is not supported")
        if not core:
            return self.fallback(path, "the schema gives no type")
        if len(core) > 1:
            return self.fallback(path, "several types (%s)" % ", ".join(core))
        kind = core[0]
        if kind == "string":
            values = [v for v in node.get("enum", []) if v is not None]
            if values:
                if owner is None:
                    raise CodegenError("%s: enum outside a struct" % path)
                enum = Enum(self.nested_name(owner, hint), owner, values, path)
                owner.nested.append(enum)
                return wrap(enum)
            if node.get("format") == "date-time":
                return wrap(Prim("timestamp"))
            return wrap(Prim("string"))
        if kind == "integer":
            return wrap(Prim("int"))
        if kind == "number":
            return wrap(Prim("double"))
        if kind == "boolean":
            return wrap(Prim("bool"))
        if kind == "array":
            items = node.get("items")
            if isinstance(items, dict):
                item_node = items
                item_resolved, item_refs = self.resolve(items)
                if (not item_refs and self.types_of(item_resolved) == ["object"]
                        and not self.real_properties(item_resolved)
                        and self.real_properties(node)):
                    # The item's fields are written beside `items`.
                    self.notes.append(
                        (path, "the array's `properties` describe its items, "
                         "whose own schema is a bare object"))
                    item_node = {"type": ["object"], "properties": node["properties"]}
                return wrap(Vec(self.type_of(item_node, singular(hint), owner, path + "[]", ctx)))
            example = node.get("example")
            if isinstance(example, list) and example and all(isinstance(e, str) for e in example):
                self.notes.append((path, "no `items`; the example is a list of strings"))
                return wrap(Vec(Prim("string")))
            return self.fallback(path, "an array whose items the schema does not describe")
        if kind == "object":
            props = self.real_properties(node)
            if props:
                if owner is None:
                    raise CodegenError("%s: object outside a struct" % path)
                struct = Struct(self.nested_name(owner, hint), owner, path, owner.namespace)
                owner.nested.append(struct)
                self.fill_struct(struct, props, set(node.get("required", [])), ctx, path)
                return wrap(struct)
            pattern = node.get("patternProperties")
            if isinstance(pattern, dict) and pattern:
                if len(pattern) != 1:
                    return self.fallback(path, "several key patterns")
                value_hint = singular(hint) if hint.endswith("s") else hint + "_value"
                value = self.type_of(next(iter(pattern.values())), value_hint, owner,
                                     path + "[]", ctx)
                return wrap(Map(value))
            extra = node.get("additionalProperties")
            if isinstance(extra, dict):
                return wrap(Map(self.type_of(extra, hint + "_value", owner, path + "[]", ctx)))
            scalars = self.scalar_definitions(node)
            if scalars and owner is not None:
                self.notes.append(
                    (path, "an object without properties: its scalar `definitions` "
                     "are read as its fields"))
                struct = Struct(self.nested_name(owner, hint), owner, path, owner.namespace)
                owner.nested.append(struct)
                self.fill_struct(struct, scalars, set(), ctx, path)
                return wrap(struct)
            return self.fallback(path, "an object whose members the schema does not describe")
        return self.fallback(path, "unsupported type %r" % kind)

    def bind_refs(self, res):
        if res.model is not None:
            self.bind_struct(res.model)

    def bind_struct(self, struct):
        for s in struct.all_structs():
            for f in s.fields:
                for t in walk_types(f.type):
                    if isinstance(t, ModelRef):
                        t.resource = self.resources[t.resource_name].model_resource()

    def check_model_cycles(self):
        state = {}

        def visit(name, chain):
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                raise CodegenError("model include cycle: %s" % " -> ".join(chain + [name]))
            state[name] = 1
            res = self.resources[name]
            deps = set(res.deps)
            if res.kind == "alias":
                deps.add(res.alias_of.name)
            for d in sorted(deps):
                visit(d, chain + [name])
            state[name] = 2

        for name in sorted(self.resources):
            visit(name, [])

    # -- links ---------------------------------------------------------------

    def build_links(self, res):
        taken = set()
        for index, raw in enumerate(res.schema.get("links", [])):
            link = Link(res, index, raw)
            link.func = unique_func(function_name(link.title), taken)
            self.parse_href(link)
            self.link_result(link)
            self.link_body(link)
            res.links.append(link)

    def parse_href(self, link):
        href = link.href
        pos = 0
        names = set()
        for m in re.finditer(r"\{\(([^)]*)\)\}", href):
            if m.start() > pos:
                link.segments.append(("lit", href[pos:m.start()]))
            pointer = urllib.parse.unquote(m.group(1))
            mm = re.fullmatch(r"#/definitions/([^/]+)/definitions/([^/]+)", pointer)
            if not mm:
                raise CodegenError("%s: unsupported parameter %s" % (link.label(), pointer))
            self.get(pointer)  # must exist
            name = unique_func("%s_%s" % (snake(mm.group(1)), snake(mm.group(2))), names)
            param = Param(name, pointer)
            link.params.append(param)
            link.segments.append(("param", param))
            pos = m.end()
        if pos < len(href):
            link.segments.append(("lit", href[pos:]))
        for kind, value in link.segments:
            if kind == "lit" and not re.fullmatch(r"[A-Za-z0-9/_~.-]*", value):
                raise CodegenError("%s: unexpected characters in %r" % (link.label(), href))

    def model_for_node(self, node, refs):
        """The resource whose model a targetSchema node is, or None."""
        for pointer in refs:
            target = self.whole_definition(pointer)
            if target is not None:
                return self.resources[target].model_resource()
        r = self.node_types.get(id(node))
        return r.model_resource() if r is not None else None

    def link_result(self, link):
        res = link.resource
        target = link.raw.get("targetSchema")
        if target is None:
            if link.rel == "empty":
                link.result_kind = "void"
                return
            # JSON Hyper-Schema: without a targetSchema the link returns the
            # resource itself; for "instances", a list of it.
            model = res.model_resource()
            if res.kind == "alias" or (model.kind not in ("struct", "map")):
                raise CodegenError("%s: no targetSchema and no model" % link.label())
            self.notes.append((link.label(), "no targetSchema: returns the resource itself"
                               + (" (a list, rel instances)" if link.rel == "instances" else "")))
            link.result_kind = "paged" if link.rel == "instances" else "one"
            link.result_type = model
            link.decode_root = model.snake
            return
        if "items" in target and "$ref" not in target:
            item, refs = self.resolve(target["items"])
            model = self.model_for_node(item, refs)
            if model is None:
                raise CodegenError("%s: list of something that is not a model" % link.label())
            link.result_kind = "paged" if link.rel == "instances" else "vector"
            link.result_type = model
            link.decode_root = model.snake
            return
        node, refs = self.resolve(target)
        model = self.model_for_node(node, refs)
        if model is not None:
            link.result_kind = "one"
            link.result_type = model
            link.decode_root = model.snake
            return
        if self.types_of(node) == ["object"] and not node.get("properties") and \
                node.get("additionalProperties") is False:
            link.result_kind = "void"  # an empty object
            return
        raise CodegenError("%s: unsupported targetSchema" % link.label())

    def link_body(self, link):
        schema = link.raw.get("schema")
        if schema is None:
            return
        res = link.resource
        node, _ = self.resolve(schema)
        params_name = link.params_name()
        namespace = "herokupp::api::" + res.snake
        ctx = {"resource": res, "deps": set()}
        link.body_deps = ctx["deps"]
        props = self.real_properties(node)
        if link.method == "GET":
            link.body_in_query = True
        if props:
            struct = Struct(params_name, None, "%s.%s" % (res.snake, snake(link.title)), namespace)
            required = set(node.get("required", []))
            self.fill_struct(struct, props, required, ctx, struct.json_path)
            self.bind_struct(struct)
            link.body = struct
            link.body_required = bool(required)
            if link.body_in_query:
                for f in struct.fields:
                    inner = f.type.inner if isinstance(f.type, Opt) else f.type
                    if not (isinstance(inner, Prim) and inner.kind == "string"):
                        raise CodegenError("%s: query member %s is not a string"
                                           % (link.label(), f.json_name))
            return
        if "patternProperties" in node or isinstance(node.get("additionalProperties"), dict):
            if link.body_in_query:
                raise CodegenError("%s: map in a query" % link.label())
            if res.kind == "map":
                link.body = res.map_update_type
                link.body_alias = "herokupp::%sUpdate" % res.type_name()
            else:
                holder = Struct(params_name, None, res.snake, namespace)
                t = self.type_of(node, "value", holder, res.snake, ctx)
                if not isinstance(t, Map) or holder.nested:
                    raise CodegenError("%s: unsupported map body" % link.label())
                link.body = t
                link.body_alias = t.spell()
            link.body_required = True
            return
        if self.types_of(node) == ["object"] and not node.get("properties"):
            return  # an empty object: nothing to send
        raise CodegenError("%s: unsupported body schema" % link.label())


def unique_func(name, taken):
    """Link functions: a repeated name gets _2, _3... in schema order."""
    candidate = name
    n = 2
    while candidate in taken:
        candidate = "%s_%d" % (name.rstrip("_"), n)
        n += 1
    taken.add(candidate)
    return candidate

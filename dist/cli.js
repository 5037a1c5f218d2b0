#!/usr/bin/env node
import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str2(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str2;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str2`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants2) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants2);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants2) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants2);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants2) {
        this.code = optimizeExpr(this.code, names, constants2);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants2) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants2))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants2) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants2);
        if (!(super.optimizeNames(names, constants2) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants2);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants2) {
        if (!super.optimizeNames(names, constants2))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants2);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants2) {
        if (!super.optimizeNames(names, constants2))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants2);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants2) {
        var _a, _b;
        super.optimizeNames(names, constants2);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants2);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants2);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants2) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants2[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants2[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str2) {
      return unescapeJsonPointer(decodeURIComponent(str2));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str2) {
      return encodeURIComponent(escapeJsonPointer(str2));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str2) {
      if (typeof str2 == "number")
        return `${str2}`;
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str2) {
      return str2.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str2) {
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize2) {
      if (normalize2 !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches2 = RELATIVE_JSON_POINTER.exec($data);
        if (!matches2)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches2[1];
        jsonPointer = matches2[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve4.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve4(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str2, token) {
      let ind = 0;
      for (let i = 0; i < str2.length; i++) {
        if (str2[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path) {
      let input = path;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path) {
      if (path === "" || path[0] === "/") {
        return removeDotSegments(path);
      }
      const segments = path.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path && path !== "/" ? path : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches2 = urnComponent.path.match(URN_REG);
      if (matches2 && matches2[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches2[1].toLowerCase();
        urnComponent.nss = matches2[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize2(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve4(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative = parse(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches2) {
      if (matches2[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches2) {
      const host = matches2[4];
      return hasMalformedPercentEncoding(matches2[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches2[6]) || hasMalformedPercentEncoding(matches2[7]) || hasMalformedPercentEncoding(matches2[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches2 = uri.match(URI_PARSE);
      if (matches2) {
        parsed.scheme = matches2[1];
        parsed.userinfo = matches2[3];
        parsed.host = matches2[4];
        parsed.port = parseInt(matches2[5], 10);
        parsed.path = matches2[6] || "";
        parsed.query = matches2[7];
        parsed.fragment = matches2[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches2);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches2[5];
        }
        const parseError = getParseError(parsed, matches2);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize: normalize2,
      resolve: resolve4,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str2, flags) => new RegExp(str2, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format2) {
        if (typeof format2 == "string")
          format2 = new RegExp(format2);
        this.formats[name] = format2;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports.default = Ajv;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format2 = this.opts.formats[name];
        if (format2)
          this.addFormat(name, format2);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str2) {
      const len = str2.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str2.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str2.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format2 = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format2, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format2, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format2}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format2}(${data}) : ${format2}(${data}))` : (0, codegen_1._)`${format2}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format2} == "function" ? ${callFormat} : ${format2}.test(${data}))`;
            return (0, codegen_1._)`${format2} && ${format2} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format2, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format2 == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format2 = [format_1.default];
    exports.default = format2;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf: oneOf2 } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf2)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue2 in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue2}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue2]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf2.length; i++) {
            let sch = oneOf2[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue2 of sch.enum) {
                addMapping(tagValue2, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue2, i) {
            if (typeof tagValue2 != "string" || tagValue2 in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue2] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format2 = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format2),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv2, sch) {
        return $data ? ajv2.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20203 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20203;
    module.exports = exports = Ajv20203;
    module.exports.Ajv2020 = Ajv20203;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20203;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// action/read/record.ts
function unknownValue(refs = [], expression) {
  return expression === void 0 ? { $unknown: true, refs } : { $unknown: true, refs, expression };
}
function isUnknown(value) {
  return typeof value === "object" && value !== null && value.$unknown === true;
}
function formatPath(segments) {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
var init_record = __esm({
  "action/read/record.ts"() {
    "use strict";
  }
});

// action/errors.ts
function describeError(error) {
  if (error instanceof UserError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `internal error: ${detail.split("\n")[0]} (please report this with the input that caused it)`;
}
var UserError, InputError, PolicyError, UsageError;
var init_errors = __esm({
  "action/errors.ts"() {
    "use strict";
    UserError = class extends Error {
      name = "UserError";
    };
    InputError = class extends UserError {
      constructor(path, problem) {
        super(`${path}: ${problem}`);
        this.path = path;
      }
      path;
      name = "InputError";
    };
    PolicyError = class extends UserError {
      constructor(path, problem) {
        super(`${path}: ${problem}`);
        this.path = path;
      }
      path;
      name = "PolicyError";
    };
    UsageError = class extends UserError {
      name = "UsageError";
    };
  }
});

// action/read/expressions.ts
function evaluate(value, scope = new EvalScope()) {
  return evaluateValue(value, scope, 0);
}
function evaluateTemplate(text, scope = new EvalScope()) {
  if (!text.includes("${") && !text.includes("%{")) return text;
  let node;
  try {
    node = new Parser(text).parseWholeTemplate();
  } catch {
    return unknownValue(scanRefs(text, scope), text);
  }
  const result = evalGuarded(node, scope, text);
  if (isUnknown(result) && /^\s*[[{]/.test(text)) {
    const partial = partialJson(text, scope);
    if (partial !== void 0) return { ...result, partial };
  }
  return result;
}
function partialJson(text, scope) {
  const pieces = [];
  let masked = "";
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf("${", i);
    if (start === -1 || start > 0 && text[start - 1] === "$") {
      if (start === -1) {
        masked += text.slice(i);
        break;
      }
      masked += text.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    let depth = 0;
    let end = start + 2;
    for (; end < text.length; end++) {
      if (text[end] === "{") depth++;
      else if (text[end] === "}") {
        if (depth === 0) break;
        depth--;
      }
    }
    if (end >= text.length) return void 0;
    masked += `${text.slice(i, start)}\uE000${pieces.length}\uE001`;
    pieces.push(text.slice(start, end + 1));
    i = end + 1;
  }
  let parsed;
  try {
    parsed = JSON.parse(masked);
  } catch {
    return void 0;
  }
  const restore = (value, depth) => {
    if (depth > MAX_DEPTH) return unknownValue([]);
    if (typeof value === "string") {
      if (!value.includes("\uE000")) return value;
      const template = value.replace(/\uE000(\d+)\uE001/g, (_, n) => pieces[Number(n)] ?? "");
      return evaluateTemplate(template, scope);
    }
    if (Array.isArray(value)) return value.map((item) => restore(item, depth + 1));
    if (typeof value === "object" && value !== null) {
      const out = {};
      for (const [key, item] of Object.entries(value)) defineKey(out, key, restore(item, depth + 1));
      return out;
    }
    return value;
  };
  return restore(parsed, 0);
}
function evalGuarded(node, scope, text) {
  try {
    return evalNode(node, { scope, depth: 0 });
  } catch {
    return unknownValue(scanRefs(text, scope), text);
  }
}
function jsonencode(value, expression) {
  const refs = /* @__PURE__ */ new Set();
  if (collectUnknownRefs(value, refs, 0)) {
    return { ...unknownValue([...refs], expression), partial: value };
  }
  try {
    const text = JSON.stringify(sortKeys(value, 0));
    if (text === void 0) return unknownValue([], expression);
    return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  } catch {
    return unknownValue([], expression);
  }
}
function collectUnknownRefs(value, refs, depth = 0) {
  if (depth > MAX_DEPTH) return true;
  if (isUnknown(value)) {
    for (const ref of value.refs) refs.add(ref);
    return true;
  }
  let found = false;
  if (Array.isArray(value)) {
    for (const item of value) if (collectUnknownRefs(item, refs, depth + 1)) found = true;
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) if (collectUnknownRefs(item, refs, depth + 1)) found = true;
  }
  return found;
}
function defineKey(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function evaluateValue(value, scope, depth) {
  if (depth > MAX_DEPTH) return unknownValue([], "(nested too deeply)");
  if (typeof value === "string") return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, scope, depth + 1));
  if (typeof value === "object" && value !== null) {
    if (isUnknown(value)) return value;
    const out = {};
    for (const [rawKey, item] of Object.entries(value)) {
      const key = rawKey.includes("${") || rawKey.includes("%{") ? evaluateTemplate(rawKey, scope) : rawKey;
      defineKey(out, typeof key === "string" ? key : rawKey, evaluateValue(item, scope, depth + 1));
    }
    return out;
  }
  return value;
}
function sortKeys(value, depth) {
  if (depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  if (typeof value === "object" && value !== null) {
    const out = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      defineKey(out, key, sortKeys(value[key], depth + 1));
    }
    return out;
  }
  return value;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function evalNode(node, ctx) {
  if (ctx.depth > MAX_DEPTH) return unknownValue(staticRefs(node, ctx.scope), node.text);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  try {
    return evalNodeUnsafe(node, inner);
  } catch (error) {
    if (error instanceof EvalFailure || error instanceof RangeError) {
      return unknownValue(staticRefs(node, ctx.scope), node.text);
    }
    throw error;
  }
}
function unknownFrom(inputs, text) {
  const refs = /* @__PURE__ */ new Set();
  for (const input of inputs) collectUnknownRefs(input, refs);
  return unknownValue([...refs], text);
}
function evalNodeUnsafe(node, ctx) {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "template":
      return evalTemplate(node, ctx);
    case "traversal":
      return evalTraversal(node.root, node.ops, node.text, ctx);
    case "postfix":
      return applyOps(evalNode(node.target, ctx), node.ops, node.text, ctx);
    case "call":
      return callFunction(node, ctx);
    case "unary": {
      const operand = evalNode(node.operand, ctx);
      if (isUnknown(operand)) return unknownFrom([operand], node.text);
      if (node.op === "!") return !asBool(operand);
      return -asNumber(operand);
    }
    case "binary":
      return evalBinary(node.op, node.left, node.right, node.text, ctx);
    case "conditional": {
      const test = evalNode(node.test, ctx);
      if (isUnknown(test)) {
        return unknownFrom([test, evalNode(node.then, ctx), evalNode(node.else, ctx)], node.text);
      }
      return asBool(test) ? evalNode(node.then, ctx) : evalNode(node.else, ctx);
    }
    case "tuple":
      return node.items.map((item) => evalNode(item, ctx));
    case "object": {
      const out = {};
      for (const item of node.items) {
        const key = evalNode(item.key, ctx);
        if (isUnknown(key)) return unknownFrom([key], node.text);
        defineKey(out, toTemplateString(key), evalNode(item.value, ctx));
      }
      return out;
    }
    case "for":
      return unknownValue(staticRefs(node, ctx.scope), node.text);
  }
}
function evalTemplate(node, ctx) {
  if (node.directives !== null) return unknownValue(staticRefs(node, ctx.scope), node.text);
  const only = node.parts.length === 1 ? node.parts[0] : void 0;
  if (only !== void 0 && typeof only !== "string") {
    return evalNode(only, ctx);
  }
  const values = node.parts.map((part) => typeof part === "string" ? part : evalNode(part, ctx));
  if (values.some(isUnknown)) return unknownFrom(values.filter(isUnknown), node.text);
  return values.map(toTemplateString).join("");
}
function toTemplateString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new EvalFailure("cannot convert to string");
}
function formatNumber(value) {
  if (!Number.isFinite(value)) throw new EvalFailure("not a finite number");
  return String(value);
}
function evalTraversal(root, ops, text, ctx) {
  const scope = ctx.scope;
  if (scope.bound.has(root)) return unknownValue([], text);
  const first = ops[0];
  const firstName = first?.kind === "attr" ? first.name : void 0;
  switch (root) {
    case "local": {
      if (firstName === void 0 || !scope.hasLocal(firstName)) throw new EvalFailure("no such local");
      return applyOps(scope.local(firstName), ops.slice(1), text, ctx);
    }
    case "var":
      if (firstName === void 0) throw new EvalFailure("bad variable reference");
      return applyOps(scope.variable(firstName), ops.slice(1), text, ctx);
    case "module":
      return unknownValue(firstName === void 0 ? [] : [scope.address(`module.${firstName}`)], text);
    case "data": {
      const second = ops[1];
      if (firstName === void 0 || second?.kind !== "attr") return unknownValue([], text);
      return unknownValue([scope.address(`data.${firstName}.${second.name}`)], text);
    }
    default:
      if (NON_RESOURCE_ROOTS.has(root) || firstName === void 0) return unknownValue([], text);
      return unknownValue([scope.address(`${root}.${firstName}`)], text);
  }
}
function applyOps(value, ops, text, ctx) {
  let current = value;
  for (let i = 0; i < ops.length; i++) {
    if (isUnknown(current)) return unknownFrom([current], text);
    const op = ops[i];
    if (op.kind === "splat") {
      if (current === null) return [];
      const list = Array.isArray(current) ? current : [current];
      return list.map((item) => applyOps(item, op.ops, text, ctx));
    }
    const key = op.kind === "attr" ? op.name : evalNode(op.key, ctx);
    if (isUnknown(key)) return unknownFrom([key], text);
    current = lookup(current, key);
  }
  return current;
}
function lookup(container, key) {
  if (Array.isArray(container)) {
    const index = typeof key === "string" && /^\d+$/.test(key) ? Number(key) : key;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= container.length) {
      throw new EvalFailure("index out of range");
    }
    return container[index];
  }
  if (typeof container === "object" && container !== null) {
    const name = typeof key === "number" ? String(key) : key;
    if (typeof name !== "string" || !Object.hasOwn(container, name)) throw new EvalFailure("no such key");
    return container[name];
  }
  throw new EvalFailure("not a collection");
}
function evalBinary(op, leftNode, rightNode, text, ctx) {
  const left = evalNode(leftNode, ctx);
  if (op === "&&" && left === false) return false;
  if (op === "||" && left === true) return true;
  const right = evalNode(rightNode, ctx);
  if (op === "&&" && right === false && !isUnknown(left)) return false;
  if (op === "||" && right === true && !isUnknown(left)) return true;
  if (isUnknown(left) || isUnknown(right)) return unknownFrom([left, right], text);
  switch (op) {
    case "==":
      return deepEqual(left, right);
    case "!=":
      return !deepEqual(left, right);
    case "&&":
      return asBool(left) && asBool(right);
    case "||":
      return asBool(left) || asBool(right);
  }
  const a = asNumber(left);
  const b = asNumber(right);
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new EvalFailure("division by zero");
      return a / b;
    case "%":
      if (b === 0) throw new EvalFailure("division by zero");
      return a % b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
  throw new EvalFailure(`unsupported operator ${op}`);
}
function deepEqual(a, b, depth = 0) {
  if (depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], depth + 1));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key], depth + 1));
  }
  return false;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}
function asBool(value) {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new EvalFailure("not a bool");
}
function asNumber(value) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  throw new EvalFailure("not a number");
}
function asString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return toTemplateString(value);
  throw new EvalFailure("not a string");
}
function asList(value) {
  if (Array.isArray(value)) return value;
  throw new EvalFailure("not a list");
}
function callFunction(node, ctx) {
  let args = node.args.map((arg) => evalNode(arg, ctx));
  if (node.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return unknownFrom(args, node.text);
    args = [...args.slice(0, -1), ...asList(last)];
  }
  const name = node.name;
  if (name === "jsonencode") {
    return jsonencode(args[0], node.text);
  }
  const strict = Object.hasOwn(STRICT_FUNCTIONS, name) ? STRICT_FUNCTIONS[name] : void 0;
  if (strict !== void 0) {
    const refs = /* @__PURE__ */ new Set();
    if (args.some((arg) => collectUnknownRefs(arg, refs))) return unknownValue([...refs], node.text);
    return strict(args, node.text);
  }
  const shape = Object.hasOwn(SHAPE_FUNCTIONS, name) ? SHAPE_FUNCTIONS[name] : void 0;
  if (shape !== void 0) {
    if (name !== "coalesce" && name !== "try" && args.some(isUnknown)) {
      return unknownFrom(args.filter(isUnknown), node.text);
    }
    try {
      return shape(args, node.text);
    } catch (error) {
      if (error instanceof UnknownArgument) return unknownFrom(args, node.text);
      throw error;
    }
  }
  return unknownFrom(args, node.text);
}
function distinct2(list) {
  const out = [];
  for (const item of list) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}
function toSet(list) {
  const items = distinct2(list);
  return items.every((item) => typeof item === "string") ? items.sort(compareStrings) : items;
}
function flatten(list, depth) {
  if (depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  return list.flatMap((item) => Array.isArray(item) ? flatten(item, depth + 1) : [item]);
}
function format(spec, args) {
  let next = 0;
  return spec.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdvqftb])/g, (whole, verb) => {
    if (verb === "%") return "%";
    if (next >= args.length) throw new EvalFailure("not enough arguments for format");
    const arg = args[next++];
    switch (verb.at(-1)) {
      case "s":
      case "v":
        return asString(arg);
      case "q":
        return JSON.stringify(asString(arg));
      case "d":
        return String(Math.trunc(asNumber(arg)));
      case "t":
        return String(asBool(arg));
      default:
        throw new EvalFailure(`unsupported format verb ${whole}`);
    }
  });
}
function staticRefs(node, scope) {
  const refs = /* @__PURE__ */ new Set();
  visitRefs(node, scope, new Set(scope.bound), refs, 0);
  return [...refs];
}
function visitRefs(node, scope, bound, refs, depth) {
  if (depth > MAX_DEPTH) return;
  const visit = (child, names = bound) => visitRefs(child, scope, names, refs, depth + 1);
  const visitOps = (ops) => {
    for (const op of ops) {
      if (op.kind === "index") visit(op.key);
      else if (op.kind === "splat") visitOps(op.ops);
    }
  };
  switch (node.kind) {
    case "literal":
      return;
    case "template":
      for (const part of node.parts) if (typeof part !== "string") visit(part);
      for (const directive of node.directives ?? []) visit(directive);
      return;
    case "traversal": {
      visitOps(node.ops);
      if (bound.has(node.root)) return;
      const needed = node.root === "data" ? 2 : 1;
      try {
        const value = evalTraversal(node.root, node.ops.slice(0, needed), node.text, {
          scope,
          depth: depth + 1
        });
        collectUnknownRefs(value, refs);
      } catch {
      }
      return;
    }
    case "postfix":
      visit(node.target);
      visitOps(node.ops);
      return;
    case "call":
      for (const arg of node.args) visit(arg);
      return;
    case "unary":
      visit(node.operand);
      return;
    case "binary":
      visit(node.left);
      visit(node.right);
      return;
    case "conditional":
      visit(node.test);
      visit(node.then);
      visit(node.else);
      return;
    case "tuple":
      for (const item of node.items) visit(item);
      return;
    case "object":
      for (const item of node.items) {
        visit(item.key);
        visit(item.value);
      }
      return;
    case "for": {
      const [collection, ...body] = node.parts;
      if (collection) visit(collection);
      const inner = /* @__PURE__ */ new Set([...bound, ...node.names]);
      for (const part of body) visit(part, inner);
      return;
    }
  }
}
function scanRefs(text, scope) {
  const refs = /* @__PURE__ */ new Set();
  const pattern = /(?<![\w.-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g;
  for (const match of text.matchAll(pattern)) {
    const [, root, first, second] = match;
    if (root === void 0 || first === void 0 || NON_RESOURCE_ROOTS.has(root) || scope.bound.has(root)) {
      continue;
    }
    if (root === "module") refs.add(scope.address(`module.${first}`));
    else if (root === "data") {
      if (second !== void 0) refs.add(scope.address(`data.${first}.${second}`));
    } else if (/^[a-z][a-z0-9]*_[\w-]+$/.test(root)) refs.add(scope.address(`${root}.${first}`));
  }
  return [...refs];
}
var MAX_DEPTH, NON_RESOURCE_ROOTS, EvalScope, ParseFailure, EvalFailure, BINARY_PRECEDENCE, Parser, STRICT_FUNCTIONS, SHAPE_FUNCTIONS, UnknownArgument;
var init_expressions = __esm({
  "action/read/expressions.ts"() {
    "use strict";
    init_record();
    MAX_DEPTH = 64;
    NON_RESOURCE_ROOTS = /* @__PURE__ */ new Set(["var", "local", "each", "count", "self", "path", "terraform"]);
    EvalScope = class _EvalScope {
      module;
      locals = /* @__PURE__ */ new Map();
      variables;
      variableValues = /* @__PURE__ */ new Map();
      /** Names bound by an enclosing construct (a `dynamic` block's iterator) that are not resources. */
      bound;
      parent;
      constructor(options = {}, bound = /* @__PURE__ */ new Set(), parent) {
        this.module = options.module ?? "";
        for (const [name, raw] of options.locals ?? []) this.locals.set(name, { state: "pending", raw });
        this.variables = options.variables ?? /* @__PURE__ */ new Map();
        this.bound = bound;
        this.parent = parent;
      }
      /** A scope that also treats `names` as bound iteration symbols (their traversals are unknown, not refs). */
      withBound(names) {
        const child = new _EvalScope({ module: this.module }, /* @__PURE__ */ new Set([...this.bound, ...names]), this.root());
        return child;
      }
      root() {
        return this.parent ?? this;
      }
      /** The value of `local.<name>`, evaluated once; `undefined` when there is no such local. */
      local(name) {
        const root = this.root();
        if (root !== this) return root.local(name);
        const entry = this.locals.get(name);
        if (entry === void 0) return void 0;
        if (entry.state === "done") return entry.value;
        if (entry.state === "busy") return unknownValue([], `local.${name}`);
        this.locals.set(name, { state: "busy" });
        const value = evaluate(entry.raw, this);
        this.locals.set(name, { state: "done", value });
        return value;
      }
      hasLocal(name) {
        return this.root().locals.has(name);
      }
      /** The value of `var.<name>`: its default, or unknown when it has none (or is undeclared). */
      variable(name) {
        const root = this.root();
        if (root !== this) return root.variable(name);
        if (this.variableValues.has(name)) return this.variableValues.get(name);
        const declaration = this.variables.get(name);
        let value;
        if (declaration === void 0 || !declaration.hasDefault) value = unknownValue([], `var.${name}`);
        else if (declaration.literal) value = declaration.default;
        else {
          this.variableValues.set(name, unknownValue([], `var.${name}`));
          value = evaluate(declaration.default, this);
        }
        this.variableValues.set(name, value);
        return value;
      }
      /** Prefixes an address with this scope's module path. */
      address(local) {
        return this.module === "" ? local : `${this.module}.${local}`;
      }
    };
    ParseFailure = class extends Error {
    };
    EvalFailure = class extends Error {
    };
    BINARY_PRECEDENCE = {
      "||": 1,
      "&&": 2,
      "==": 3,
      "!=": 3,
      "<": 4,
      "<=": 4,
      ">": 4,
      ">=": 4,
      "+": 5,
      "-": 5,
      "*": 6,
      "/": 6,
      "%": 6
    };
    Parser = class _Parser {
      constructor(src) {
        this.src = src;
      }
      src;
      pos = 0;
      depth = 0;
      /** Inside an object constructor a newline ends an item; inside ( ) and [ ] it does not. */
      newlineEnds = false;
      expectEnd() {
        this.skipSpace(true);
        if (this.pos < this.src.length) throw new ParseFailure(`unexpected ${this.src[this.pos]}`);
      }
      /** The whole input is a template: no backslash escapes (hcl2json and Terraform JSON already decoded them). */
      parseWholeTemplate() {
        return this.parseTemplate("raw", this.src.length);
      }
      enter() {
        if (++this.depth > MAX_DEPTH) throw new ParseFailure("nested too deeply");
      }
      leave() {
        this.depth--;
      }
      skipSpace(includeNewlines = !this.newlineEnds) {
        const src = this.src;
        while (this.pos < src.length) {
          const c = src[this.pos];
          if (c === " " || c === "	" || c === "\r") this.pos++;
          else if (c === "\n" && includeNewlines) this.pos++;
          else if (c === "#" || c === "/" && src[this.pos + 1] === "/") {
            while (this.pos < src.length && src[this.pos] !== "\n") this.pos++;
          } else if (c === "/" && src[this.pos + 1] === "*") {
            const end = src.indexOf("*/", this.pos + 2);
            this.pos = end < 0 ? src.length : end + 2;
          } else break;
        }
      }
      peek(s) {
        this.skipSpace();
        return this.src.startsWith(s, this.pos);
      }
      eat(s) {
        if (this.peek(s)) {
          this.pos += s.length;
          return true;
        }
        return false;
      }
      expect(s) {
        if (!this.eat(s)) throw new ParseFailure(`expected ${s}`);
      }
      withNewlines(newlineEnds, fn) {
        const saved = this.newlineEnds;
        this.newlineEnds = newlineEnds;
        try {
          return fn();
        } finally {
          this.newlineEnds = saved;
        }
      }
      identifier() {
        this.skipSpace();
        const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos, this.pos + 256));
        if (!match) return void 0;
        this.pos += match[0].length;
        return match[0];
      }
      peekIdentifier() {
        const saved = this.pos;
        const name = this.identifier();
        this.pos = saved;
        return name;
      }
      parseExpression() {
        this.enter();
        try {
          this.skipSpace();
          const start = this.pos;
          const test = this.parseBinary(1);
          if (!this.eat("?")) return test;
          const then = this.withNewlines(false, () => this.parseExpression());
          this.withNewlines(false, () => this.expect(":"));
          const otherwise = this.parseExpression();
          return { kind: "conditional", test, then, else: otherwise, text: this.textFrom(start) };
        } finally {
          this.leave();
        }
      }
      textFrom(start) {
        return this.src.slice(start, this.pos).trim();
      }
      parseBinary(minPrecedence) {
        this.skipSpace();
        const start = this.pos;
        let left = this.parseUnary();
        for (; ; ) {
          const op = this.peekBinaryOperator();
          if (op === void 0) return left;
          const precedence = BINARY_PRECEDENCE[op];
          if (precedence < minPrecedence) return left;
          this.pos += op.length;
          this.enter();
          const right = this.parseBinary(precedence + 1);
          this.leave();
          left = { kind: "binary", op, left, right, text: this.textFrom(start) };
        }
      }
      peekBinaryOperator() {
        this.skipSpace();
        const two = this.src.slice(this.pos, this.pos + 2);
        if (["||", "&&", "==", "!=", "<=", ">="].includes(two)) return two;
        const one = this.src[this.pos];
        if (one === "=" && this.src[this.pos + 1] === ">") return void 0;
        if (one === "/" && (this.src[this.pos + 1] === "/" || this.src[this.pos + 1] === "*")) return void 0;
        if (one !== void 0 && "<>+-*/%".includes(one)) return one;
        return void 0;
      }
      parseUnary() {
        this.skipSpace();
        const start = this.pos;
        const c = this.src[this.pos];
        if (c === "!" || c === "-") {
          this.pos++;
          this.enter();
          const operand = this.parseUnary();
          this.leave();
          return { kind: "unary", op: c, operand, text: this.textFrom(start) };
        }
        return this.parsePostfix();
      }
      parsePostfix() {
        this.skipSpace();
        const start = this.pos;
        const primary = this.parsePrimary();
        const ops = this.parseOps();
        if (ops.length === 0) return primary;
        const text = this.textFrom(start);
        if (primary.kind === "traversal") return { ...primary, ops: [...primary.ops, ...ops], text };
        return { kind: "postfix", target: primary, ops, text };
      }
      /** Attribute access, index and splat operators; after a splat, the rest applies per element. */
      parseOps() {
        const ops = [];
        for (; ; ) {
          if (this.src.startsWith("[*]", this.skipSpaceAndPos())) {
            this.pos += 3;
            this.enter();
            ops.push({ kind: "splat", ops: this.parseOps() });
            this.leave();
            return ops;
          }
          if (this.src.startsWith(".*", this.skipSpaceAndPos())) {
            this.pos += 2;
            this.enter();
            ops.push({ kind: "splat", ops: this.parseOps() });
            this.leave();
            return ops;
          }
          if (this.src.startsWith(".", this.skipSpaceAndPos()) && !this.src.startsWith("...", this.pos)) {
            this.pos++;
            const name = this.identifier();
            if (name !== void 0) ops.push({ kind: "attr", name });
            else {
              const number = /^\d+/.exec(this.src.slice(this.pos, this.pos + 32));
              if (!number) throw new ParseFailure("expected attribute name");
              this.pos += number[0].length;
              ops.push({ kind: "index", key: { kind: "literal", value: Number(number[0]), text: number[0] } });
            }
            continue;
          }
          if (this.src.startsWith("[", this.skipSpaceAndPos())) {
            this.pos++;
            const key = this.withNewlines(false, () => this.parseExpression());
            this.withNewlines(false, () => this.expect("]"));
            ops.push({ kind: "index", key });
            continue;
          }
          return ops;
        }
      }
      skipSpaceAndPos() {
        this.skipSpace();
        return this.pos;
      }
      parsePrimary() {
        this.skipSpace();
        const start = this.pos;
        const c = this.src[this.pos];
        if (c === void 0) throw new ParseFailure("unexpected end of expression");
        if (c === "(") {
          this.pos++;
          const inner = this.withNewlines(false, () => this.parseExpression());
          this.withNewlines(false, () => this.expect(")"));
          return inner;
        }
        if (c === '"') {
          this.pos++;
          return this.parseTemplate("quoted", this.src.length);
        }
        if (c === "<" && this.src.startsWith("<<", this.pos)) return this.parseHeredoc();
        if (c === "[") return this.withNewlines(false, () => this.parseTuple(start));
        if (c === "{") return this.withNewlines(true, () => this.parseObject(start));
        if (/[0-9]/.test(c)) {
          const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, this.pos + 64));
          this.pos += match[0].length;
          return { kind: "literal", value: Number(match[0]), text: match[0] };
        }
        const name = this.identifier();
        if (name === void 0) throw new ParseFailure(`unexpected ${c}`);
        if (name === "true" || name === "false") return { kind: "literal", value: name === "true", text: name };
        if (name === "null") return { kind: "literal", value: null, text: name };
        if (this.src[this.pos] === "(" || this.peek("(") && !this.newlineEnds) {
          this.pos = this.src.indexOf("(", this.pos) + 1;
          return this.withNewlines(false, () => {
            const args = [];
            let expand = false;
            while (!this.eat(")")) {
              args.push(this.parseExpression());
              if (this.eat("...")) expand = true;
              if (!this.eat(",")) {
                this.expect(")");
                break;
              }
            }
            return { kind: "call", name, args, expand, text: this.textFrom(start) };
          });
        }
        return { kind: "traversal", root: name, ops: [], text: name };
      }
      parseTuple(start) {
        this.pos++;
        if (this.isForKeyword()) return this.parseFor(start, "]");
        const items = [];
        while (!this.eat("]")) {
          items.push(this.parseExpression());
          if (!this.eat(",")) {
            this.expect("]");
            break;
          }
        }
        return { kind: "tuple", items, text: this.textFrom(start) };
      }
      parseObject(start) {
        this.pos++;
        if (this.isForKeyword()) return this.withNewlines(false, () => this.parseFor(start, "}"));
        const items = [];
        for (; ; ) {
          this.skipSpace(true);
          if (this.eat("}")) break;
          const keyStart = this.pos;
          let key;
          const name = this.peekIdentifier();
          const afterName = name === void 0 ? -1 : this.pos + name.length;
          if (name !== void 0 && /^\s*[=:]/.test(this.src.slice(afterName, afterName + 64))) {
            this.pos = afterName;
            key = { kind: "literal", value: name, text: name };
          } else {
            key = this.withNewlines(false, () => this.parseBinary(1));
          }
          this.skipSpace(false);
          if (this.src[this.pos] === "=" && this.src[this.pos + 1] !== "=") this.pos++;
          else if (this.src[this.pos] === ":") this.pos++;
          else throw new ParseFailure(`expected = after object key ${this.src.slice(keyStart, this.pos)}`);
          const value = this.parseExpression();
          items.push({ key, value });
          this.skipSpace(false);
          if (this.src[this.pos] === "," || this.src[this.pos] === "\n") this.pos++;
          else if (this.src[this.pos] !== "}") throw new ParseFailure("expected , or } in object");
        }
        return { kind: "object", items, text: this.textFrom(start) };
      }
      isForKeyword() {
        this.skipSpace(true);
        return /^for\s+[A-Za-z_]/.test(this.src.slice(this.pos, this.pos + 16));
      }
      /** `for k, v in coll : expr [=> expr] [...] [if cond]`; kept for its references, never evaluated. */
      parseFor(start, close) {
        this.identifier();
        const names = [];
        do {
          const name = this.identifier();
          if (name === void 0) throw new ParseFailure("expected for variable");
          names.push(name);
        } while (this.eat(","));
        if (this.identifier() !== "in") throw new ParseFailure("expected in");
        const parts = [this.parseExpression()];
        this.expect(":");
        parts.push(this.parseExpression());
        if (this.eat("=>")) parts.push(this.parseExpression());
        this.eat("...");
        if (this.peekIdentifier() === "if") {
          this.identifier();
          parts.push(this.parseExpression());
        }
        this.expect(close);
        return { kind: "for", names, parts, text: this.textFrom(start) };
      }
      parseHeredoc() {
        const start = this.pos;
        const match = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(
          this.src.slice(this.pos, this.pos + 300)
        );
        if (!match) throw new ParseFailure("bad heredoc");
        const bodyStart = this.pos + match[0].length;
        const marker = match[2];
        const lines = [];
        let cursor = bodyStart;
        for (; ; ) {
          if (cursor >= this.src.length) throw new ParseFailure(`heredoc ${marker} not closed`);
          const newline = this.src.indexOf("\n", cursor);
          const end = newline < 0 ? this.src.length : newline;
          const line = this.src.slice(cursor, end).replace(/\r$/, "");
          cursor = newline < 0 ? this.src.length : newline + 1;
          if (line.trim() === marker) {
            this.pos = newline < 0 ? this.src.length : end;
            break;
          }
          lines.push(line);
        }
        if (match[1] === "-") {
          const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)[0].length);
          const strip = indents.length === 0 ? 0 : Math.min(...indents);
          for (let i = 0; i < lines.length; i++) lines[i] = lines[i].slice(strip);
        }
        const body = lines.length === 0 ? "" : `${lines.join("\n")}
`;
        const inner = new _Parser(body);
        inner.depth = this.depth;
        const template = inner.parseWholeTemplate();
        return { ...template, text: this.src.slice(start, this.pos) };
      }
      /**
       * A template: `raw` runs to `end` (no backslash escapes), `quoted` runs to the closing quote
       * and decodes HCL escapes. `$${` and `%%{` are literal `${` and `%{` in both.
       */
      parseTemplate(mode, end) {
        this.enter();
        const start = mode === "quoted" ? this.pos - 1 : this.pos;
        const parts = [];
        let directives = null;
        let literal = "";
        const src = this.src;
        const flush = () => {
          if (literal !== "") parts.push(literal);
          literal = "";
        };
        for (; ; ) {
          if (this.pos >= end) {
            if (mode === "quoted") throw new ParseFailure("unterminated string");
            break;
          }
          const c = src[this.pos];
          if (mode === "quoted" && c === '"') {
            this.pos++;
            break;
          }
          if (src.startsWith("$${", this.pos) || src.startsWith("%%{", this.pos)) {
            literal += `${c}{`;
            this.pos += 3;
          } else if (src.startsWith("${", this.pos)) {
            this.pos += 2;
            if (src[this.pos] === "~") {
              this.pos++;
              literal = literal.replace(/\s+$/, "");
            }
            flush();
            const node = this.withNewlines(false, () => this.parseExpression());
            parts.push(node);
            this.closeInterpolation();
          } else if (src.startsWith("%{", this.pos)) {
            this.pos += 2;
            if (src[this.pos] === "~") this.pos++;
            directives ??= [];
            this.withNewlines(false, () => this.parseDirective(directives));
            this.closeInterpolation();
          } else if (mode === "quoted" && c === "\\") {
            literal += this.escape();
          } else {
            literal += c;
            this.pos++;
          }
          if (this.pendingStrip) {
            this.pendingStrip = false;
            while (this.pos < end && /\s/.test(src[this.pos])) this.pos++;
          }
        }
        flush();
        this.leave();
        return { kind: "template", parts, directives, text: src.slice(start, this.pos) };
      }
      pendingStrip = false;
      closeInterpolation() {
        this.skipSpace(true);
        if (this.src[this.pos] === "~") {
          this.pos++;
          this.pendingStrip = true;
        }
        if (this.src[this.pos] !== "}") throw new ParseFailure("expected } to close interpolation");
        this.pos++;
      }
      parseDirective(into) {
        const keyword = this.identifier();
        if (keyword === "if") into.push(this.parseExpression());
        else if (keyword === "for") {
          do
            this.identifier();
          while (this.eat(","));
          if (this.identifier() !== "in") throw new ParseFailure("expected in");
          into.push(this.parseExpression());
        } else if (keyword !== "else" && keyword !== "endif" && keyword !== "endfor") {
          throw new ParseFailure(`unknown directive ${keyword ?? ""}`);
        }
      }
      escape() {
        const next = this.src[this.pos + 1];
        this.pos += 2;
        switch (next) {
          case "n":
            return "\n";
          case "r":
            return "\r";
          case "t":
            return "	";
          case '"':
            return '"';
          case "\\":
            return "\\";
          case "u":
          case "U": {
            const length = next === "u" ? 4 : 8;
            const hex = this.src.slice(this.pos, this.pos + length);
            if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length)
              throw new ParseFailure("bad unicode escape");
            this.pos += length;
            const code = Number.parseInt(hex, 16);
            if (code > 1114111) throw new ParseFailure("bad unicode escape");
            return String.fromCodePoint(code);
          }
          default:
            throw new ParseFailure(`bad escape \\${next ?? ""}`);
        }
      }
    };
    STRICT_FUNCTIONS = {
      jsondecode: ([text]) => {
        try {
          return JSON.parse(asString(text));
        } catch {
          throw new EvalFailure("invalid JSON");
        }
      },
      lower: ([s]) => asString(s).toLowerCase(),
      upper: ([s]) => asString(s).toUpperCase(),
      trimspace: ([s]) => asString(s).trim(),
      chomp: ([s]) => asString(s).replace(/(\r?\n)+$/, ""),
      trimprefix: ([s, p]) => {
        const str2 = asString(s);
        const prefix = asString(p);
        return str2.startsWith(prefix) ? str2.slice(prefix.length) : str2;
      },
      trimsuffix: ([s, p]) => {
        const str2 = asString(s);
        const suffix = asString(p);
        return suffix !== "" && str2.endsWith(suffix) ? str2.slice(0, -suffix.length) : str2;
      },
      startswith: ([s, p]) => asString(s).startsWith(asString(p)),
      endswith: ([s, p]) => asString(s).endsWith(asString(p)),
      split: ([sep, s]) => asString(s).split(asString(sep)),
      replace: ([s, from, to]) => {
        const search = asString(from);
        if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
          throw new EvalFailure("regular expression replace is not evaluated");
        }
        return asString(s).split(search).join(asString(to));
      },
      join: ([sep, ...lists]) => lists.flatMap((list) => asList(list).map(asString)).join(asString(sep)),
      format: ([spec, ...rest]) => format(asString(spec), rest),
      tostring: ([v]) => v === null ? null : asString(v),
      tonumber: ([v]) => v === null ? null : asNumber(v),
      tobool: ([v]) => v === null ? null : asBool(v),
      length: ([v]) => {
        if (typeof v === "string") return [...v].length;
        if (Array.isArray(v)) return v.length;
        if (isRecord(v)) return Object.keys(v).length;
        throw new EvalFailure("no length");
      },
      keys: ([v]) => {
        if (!isRecord(v)) throw new EvalFailure("not a map");
        return Object.keys(v).sort(compareStrings);
      },
      values: ([v]) => {
        if (!isRecord(v)) throw new EvalFailure("not a map");
        return Object.keys(v).sort(compareStrings).map((key) => v[key]);
      },
      contains: ([list, v]) => asList(list).some((item) => deepEqual(item, v)),
      distinct: ([list]) => distinct2(asList(list)),
      toset: ([list]) => toSet(asList(list)),
      sort: ([list]) => asList(list).map(asString).sort(compareStrings),
      flatten: ([list]) => flatten(asList(list), 0),
      compact: ([list]) => asList(list).filter((item) => item !== null && item !== ""),
      element: ([list, index]) => {
        const items = asList(list);
        if (items.length === 0) throw new EvalFailure("empty list");
        const i = asNumber(index);
        return items[(Math.floor(i) % items.length + items.length) % items.length];
      },
      zipmap: ([keys, vals]) => {
        const out = {};
        const values = asList(vals);
        asList(keys).forEach((key, i) => {
          defineKey(out, asString(key), values[i]);
        });
        return out;
      },
      min: (args) => Math.min(...args.map(asNumber)),
      max: (args) => Math.max(...args.map(asNumber)),
      abs: ([n]) => Math.abs(asNumber(n))
    };
    SHAPE_FUNCTIONS = {
      merge: (args) => {
        const out = {};
        for (const arg of args) {
          if (arg === null) continue;
          if (!isRecord(arg)) throw new EvalFailure("merge needs objects");
          for (const [key, value] of Object.entries(arg)) defineKey(out, key, value);
        }
        return out;
      },
      concat: (args) => args.flatMap((arg) => asList(arg)),
      tolist: ([v]) => asList(v),
      tomap: ([v]) => {
        if (!isRecord(v)) throw new EvalFailure("not a map");
        return v;
      },
      lookup: ([map, key, ...fallback]) => {
        if (!isRecord(map)) throw new EvalFailure("not a map");
        const name = asString(key);
        if (Object.hasOwn(map, name)) return map[name];
        if (fallback.length > 0) return fallback[0];
        throw new EvalFailure("no such key");
      },
      coalesce: (args) => {
        for (const arg of args) {
          if (isUnknown(arg)) throw new UnknownArgument();
          if (arg !== null && arg !== "") return arg;
        }
        throw new EvalFailure("no non-null argument");
      },
      try: () => {
        throw new UnknownArgument();
      }
    };
    UnknownArgument = class extends Error {
    };
  }
});

// action/read/hcl/read-hcl.ts
var read_hcl_exports = {};
__export(read_hcl_exports, {
  bodies: () => bodies,
  configValues: () => configValues,
  labeled: () => labeled,
  labeled2: () => labeled2,
  readHclPath: () => readHclPath,
  renderPolicyDocument: () => renderPolicyDocument,
  withoutComment: () => withoutComment
});
import { readdir, readFile, stat } from "node:fs/promises";
import { basename as basename2, dirname as dirname2, join as join2, resolve as resolve2 } from "node:path";
async function parseHcl(filename, text) {
  hclParser ??= import("@cdktn/hcl2json");
  return (await hclParser).parse(filename, text);
}
async function readHclPath(path) {
  const files = await tfFilesOf(path);
  if (files.length === 0) throw new InputError(path, "no .tf files in this directory");
  const root = resolve2(files.length === 1 && files[0] === path ? dirname2(path) : path);
  const skipped = [];
  const records = await readModule(files, "", /* @__PURE__ */ new Map(), 0, /* @__PURE__ */ new Set([root]), skipped);
  const notes2 = skipped.map(
    (module) => `${module} is not a local module, so its resources were not read; check a plan to judge them`
  );
  return {
    records,
    inputs: [{ path, format: "hcl", resources: records.length, ...notes2.length ? { notes: notes2 } : {} }]
  };
}
async function tfFilesOf(path) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(path, describeFsError(error));
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => name.endsWith(".tf") || name.endsWith(".tf.json")).sort();
  return names.map((name) => join2(path, name));
}
function describeFsError(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  return `cannot read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}
async function parseHclFile(file) {
  let text;
  try {
    text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    throw new InputError(file, describeFsError(error));
  }
  const json = file.endsWith(".tf.json");
  let config;
  try {
    config = json ? JSON.parse(text) : await parseHcl(basename2(file), text);
  } catch (error) {
    if (json) throw new InputError(file, `invalid JSON: ${error instanceof Error ? error.message : error}`);
    throw new InputError(file, describeParseError(error));
  }
  if (!isObject(config)) throw new InputError(file, "not a Terraform configuration");
  return { file, text, config, json };
}
function describeParseError(error) {
  const raw = error instanceof Error ? error.message : String(error);
  const first = (raw.split("\n")[0] ?? "").trim();
  const match = /^parse config: \[[^:\]]*:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.*?)\]?$/.exec(first);
  if (match) return `line ${match[1]}, column ${match[2]}: ${match[3]}`;
  return first === "" ? "cannot parse HCL" : first;
}
async function readModule(files, module, inputs, depth, reading, skipped) {
  const parsed = [];
  for (const file of files) parsed.push(await parseHclFile(file));
  const locals = /* @__PURE__ */ new Map();
  const variables = /* @__PURE__ */ new Map();
  for (const { config, json } of parsed) {
    for (const block of bodies(config.locals)) {
      for (const [name, value] of Object.entries(block)) locals.set(name, value);
    }
    for (const [name, body] of labeled(config.variable)) {
      const hasDefault = inputs.has(name) || Object.hasOwn(body, "default");
      const value = inputs.has(name) ? inputs.get(name) : body.default;
      variables.set(name, { hasDefault, default: value, literal: json || inputs.has(name) });
    }
  }
  const scope = new EvalScope({ locals, variables, module });
  const records = [];
  for (const { file, text, config, json } of parsed) {
    const found = [];
    for (const [mode, key] of [
      ["managed", "resource"],
      ["data", "data"]
    ]) {
      for (const [type, name, written] of labeled2(config[key])) {
        const local = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        const line = json ? void 0 : findBlockLine(text, key, type, name);
        const body = json ? withoutComment(written) : written;
        found.push({
          address: scope.address(local),
          mode,
          type,
          name,
          module,
          values: configValues(type, mode, body, scope),
          sensitivePaths: [],
          actions: ["create"],
          source: line === void 0 ? { file } : { file, line }
        });
      }
    }
    found.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
    records.push(...found);
    if (depth >= MAX_MODULE_DEPTH) continue;
    for (const [name, body] of labeled(config.module)) {
      const source = body.source;
      if (typeof source !== "string" || !/^\.\.?[/\\]/.test(source)) {
        skipped.push(
          `${scope.address(`module.${name}`)} (${typeof source === "string" ? source : "no source"})`
        );
        continue;
      }
      const dir = join2(file, "..", source);
      const key = resolve2(dir);
      if (reading.has(key)) continue;
      let moduleFiles;
      try {
        moduleFiles = await tfFilesOf(dir);
      } catch {
        continue;
      }
      const moduleInputs = /* @__PURE__ */ new Map();
      for (const [input, value] of Object.entries(body)) {
        if (["source", "version", "providers", "count", "for_each", "depends_on"].includes(input)) continue;
        moduleInputs.set(input, evaluate(value, scope));
      }
      const prefix = scope.address(`module.${name}`);
      records.push(
        ...await readModule(
          moduleFiles,
          prefix,
          moduleInputs,
          depth + 1,
          /* @__PURE__ */ new Set([...reading, key]),
          skipped
        )
      );
    }
  }
  return records;
}
function withoutComment(body) {
  const out = {};
  for (const [key, value] of Object.entries(body)) if (key !== "//") defineKey(out, key, value);
  return out;
}
function findBlockLine(text, keyword, type, name) {
  const label = (value) => {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return `(?:"${escaped}"|${escaped})`;
  };
  const pattern = new RegExp(`^[ \\t]*${keyword}[ \\t]+${label(type)}[ \\t]+${label(name)}[ \\t]*\\{`, "m");
  const match = pattern.exec(text);
  if (!match) return void 0;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
function configValues(type, mode, body, scope) {
  const values = {};
  for (const [key, value] of Object.entries(body)) {
    if (META_ARGUMENTS.has(key)) continue;
    defineKey(values, key, evaluate(value, scope));
  }
  for (const [blockName, dynamic] of labeled(body.dynamic)) {
    const iterator = typeof dynamic.iterator === "string" ? dynamic.iterator : blockName;
    const refs = /* @__PURE__ */ new Set();
    collectUnknownRefs(evaluate(dynamic.for_each, scope), refs);
    collectUnknownRefs(evaluate(dynamic.content, scope.withBound([iterator])), refs);
    const existing = values[blockName];
    if (existing !== void 0) collectUnknownRefs(existing, refs);
    defineKey(values, blockName, unknownValue([...refs], `dynamic "${blockName}"`));
  }
  if (mode === "data" && type === "aws_iam_policy_document") {
    defineKey(values, "json", renderPolicyDocument(values));
  }
  return values;
}
function renderPolicyDocument(values) {
  const refs = /* @__PURE__ */ new Set();
  const merged = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"];
  for (const key of merged) {
    const value = values[key];
    if (value === void 0 || value === null || Array.isArray(value) && value.length === 0) continue;
    collectUnknownRefs(value, refs);
    return unknownValue([...refs], `data.aws_iam_policy_document (${key})`);
  }
  const inputs = [values.statement, values.version, values.policy_id];
  if (inputs.some((input) => collectUnknownRefs(input, refs))) {
    return unknownValue([...refs], "data.aws_iam_policy_document");
  }
  const document = {
    Version: typeof values.version === "string" && values.version !== "" ? values.version : "2012-10-17"
  };
  if (typeof values.policy_id === "string" && values.policy_id !== "") document.Id = values.policy_id;
  document.Statement = bodies(values.statement).map(renderStatement);
  return JSON.stringify(document, null, 2);
}
function renderStatement(statement) {
  const out = {};
  if (typeof statement.sid === "string" && statement.sid !== "") out.Sid = statement.sid;
  out.Effect = typeof statement.effect === "string" && statement.effect !== "" ? statement.effect : "Allow";
  const lists = [
    ["actions", "Action"],
    ["not_actions", "NotAction"],
    ["resources", "Resource"],
    ["not_resources", "NotResource"]
  ];
  for (const [from, to] of lists) {
    const list = stringsOf(statement[from]);
    if (list.length > 0) out[to] = oneOrMany(list);
  }
  for (const [from, to] of [
    ["principals", "Principal"],
    ["not_principals", "NotPrincipal"]
  ]) {
    const principal = renderPrincipals(bodies(statement[from]));
    if (principal !== void 0) out[to] = principal;
  }
  const condition = {};
  for (const block of bodies(statement.condition)) {
    if (typeof block.test !== "string" || typeof block.variable !== "string") continue;
    const byVariable = Object.hasOwn(condition, block.test) ? condition[block.test] : {};
    defineKey(condition, block.test, byVariable);
    const existing = Object.hasOwn(byVariable, block.variable) ? byVariable[block.variable] : [];
    const values = [...Array.isArray(existing) ? existing : [existing], ...stringsOf(block.values)];
    defineKey(byVariable, block.variable, oneOrMany(values));
  }
  if (Object.keys(condition).length > 0) out.Condition = condition;
  return out;
}
function renderPrincipals(blocks2) {
  if (blocks2.length === 0) return void 0;
  const byType = {};
  for (const block of blocks2) {
    if (typeof block.type !== "string") continue;
    const identifiers = stringsOf(block.identifiers);
    if (block.type === "*" && identifiers.length === 1 && identifiers[0] === "*") return "*";
    const existing = Object.hasOwn(byType, block.type) ? byType[block.type] : [];
    defineKey(byType, block.type, [...existing, ...identifiers]);
  }
  const out = {};
  for (const [type, identifiers] of Object.entries(byType)) defineKey(out, type, oneOrMany(identifiers));
  return out;
}
function stringsOf(value) {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item) => typeof item === "string");
}
function oneOrMany(list) {
  return list.length === 1 ? list[0] : [...list];
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}
function bodies(value) {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}
function labeled(value) {
  const out = [];
  for (const group of bodies(value)) {
    for (const [name, items] of Object.entries(group)) {
      for (const body of bodies(items)) out.push([name, body]);
    }
  }
  return out;
}
function labeled2(value) {
  const out = [];
  for (const [type, group] of labeled(value)) {
    for (const [name, body] of labeled(group)) out.push([type, name, body]);
  }
  return out;
}
var META_ARGUMENTS, hclParser, MAX_MODULE_DEPTH;
var init_read_hcl = __esm({
  "action/read/hcl/read-hcl.ts"() {
    "use strict";
    init_errors();
    init_expressions();
    init_record();
    META_ARGUMENTS = /* @__PURE__ */ new Set([
      "count",
      "for_each",
      "depends_on",
      "provider",
      "lifecycle",
      "provisioner",
      "connection",
      "dynamic"
    ]);
    MAX_MODULE_DEPTH = 8;
  }
});

// action/read/tfjson/read-tfjson.ts
var read_tfjson_exports = {};
__export(read_tfjson_exports, {
  readTerraformJsonConfig: () => readTerraformJsonConfig,
  readTerraformJsonObject: () => readTerraformJsonObject
});
import { readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function readTerraformJsonConfig(path) {
  const records = [];
  const inputs = [];
  for (const { file, fallbackVersion } of await stackFiles(path)) {
    const result = await readStackFile(file, fallbackVersion);
    records.push(...result.records);
    inputs.push(...result.inputs);
  }
  return { records, inputs };
}
async function stackFiles(path) {
  if (!await isDirectory(path)) return [{ file: path }];
  const manifestPath = join3(path, "manifest.json");
  if (await exists(manifestPath)) {
    const manifest = await readJson(manifestPath);
    const stacks = manifest.stacks;
    if (!isObject2(stacks) || Object.keys(stacks).length === 0) {
      throw new InputError(manifestPath, 'not a CDKTF manifest: no "stacks"');
    }
    const version = typeof manifest.version === "string" ? manifest.version : void 0;
    const files = [];
    for (const [name, stack] of Object.entries(stacks)) {
      if (!isObject2(stack)) throw new InputError(manifestPath, `stack "${name}" is not an object`);
      const file = typeof stack.synthesizedStackPath === "string" ? join3(path, stack.synthesizedStackPath) : typeof stack.workingDirectory === "string" ? join3(path, stack.workingDirectory, "cdk.tf.json") : void 0;
      if (file === void 0) {
        throw new InputError(manifestPath, `stack "${name}" has no synthesizedStackPath or workingDirectory`);
      }
      files.push(version === void 0 ? { file } : { file, fallbackVersion: version });
    }
    return files;
  }
  const stackPath = join3(path, "cdk.tf.json");
  if (await exists(stackPath)) return [{ file: stackPath }];
  throw new InputError(path, "no manifest.json (cdktf.out) or cdk.tf.json in this directory");
}
async function readStackFile(file, fallbackVersion) {
  return readTerraformJsonObject(await readJson(file), file, fallbackVersion);
}
function readTerraformJsonObject(config, file, fallbackVersion) {
  if (!CONFIG_KEYS.some((key) => Object.hasOwn(config, key))) {
    throw new InputError(file, `not a Terraform JSON configuration (none of ${CONFIG_KEYS.join(", ")})`);
  }
  const meta = metadataOf(config);
  const producer = typeof meta?.version === "string" ? meta.version : fallbackVersion;
  const locals = /* @__PURE__ */ new Map();
  for (const block of bodies(config.locals)) {
    for (const [name, value] of Object.entries(block)) locals.set(name, value);
  }
  const variables = /* @__PURE__ */ new Map();
  for (const [name, body] of labeled(config.variable)) {
    variables.set(name, { hasDefault: Object.hasOwn(body, "default"), default: body.default, literal: true });
  }
  const scope = new EvalScope({ locals, variables });
  const records = [];
  for (const [mode, key] of [
    ["managed", "resource"],
    ["data", "data"]
  ]) {
    for (const [type, name, rawBody] of labeled2(config[key])) {
      const body = withoutComment(rawBody);
      const constructPath = metadataOf(rawBody)?.path;
      const source = typeof constructPath === "string" ? { file, constructPath } : { file };
      records.push({
        address: mode === "data" ? `data.${type}.${name}` : `${type}.${name}`,
        mode,
        type,
        name,
        module: "",
        values: configValues(type, mode, body, scope),
        sensitivePaths: [],
        actions: ["create"],
        source
      });
    }
  }
  const summary = producer === void 0 ? { path: file, format: "cdktf", resources: records.length } : { path: file, format: "cdktf", resources: records.length, producer };
  return { records, inputs: [summary] };
}
function metadataOf(container) {
  const comment = container["//"];
  if (!isObject2(comment)) return void 0;
  return isObject2(comment.metadata) ? comment.metadata : void 0;
}
async function readJson(file) {
  let text;
  try {
    text = (await readFile2(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    const code = error.code;
    throw new InputError(file, code === "ENOENT" ? "no such file" : "cannot be read");
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : "syntax error";
    throw new InputError(file, `invalid JSON: ${detail}`);
  }
  if (!isObject2(value)) throw new InputError(file, "not a Terraform JSON configuration (not an object)");
  return value;
}
async function isDirectory(path) {
  try {
    return (await stat2(path)).isDirectory();
  } catch {
    throw new InputError(path, "no such file or directory");
  }
}
async function exists(path) {
  try {
    await stat2(path);
    return true;
  } catch {
    return false;
  }
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var CONFIG_KEYS;
var init_read_tfjson = __esm({
  "action/read/tfjson/read-tfjson.ts"() {
    "use strict";
    init_errors();
    init_expressions();
    init_read_hcl();
    CONFIG_KEYS = [
      "resource",
      "data",
      "terraform",
      "provider",
      "variable",
      "locals",
      "output",
      "module",
      "//"
    ];
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema4 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema2();
    var schema$1 = require_schema3();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema4();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors2 = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors2();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors2();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field2, index] of path) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field2 = path[path.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors2();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions2(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors2();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// action/cli.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// package.json
var package_default = {
  name: "mcp-nhi-guard",
  version: "0.1.0",
  description: "Least-privilege, short-lived non-human identities for MCP servers: a Terraform plan check, a GitHub Action and CDKTF constructs.",
  license: "Apache-2.0",
  type: "module",
  engines: {
    node: ">=20.19"
  },
  bin: {
    "mcp-nhi-guard": "dist/cli.js"
  },
  exports: {
    ".": {
      types: "./lib/action/api.d.ts",
      default: "./lib/action/api.js"
    },
    "./cdktf": {
      types: "./lib/cdktf/index.d.ts",
      default: "./lib/cdktf/index.js"
    },
    "./schemas/*": "./schemas/*",
    "./package.json": "./package.json"
  },
  files: [
    "dist",
    "lib",
    "schemas",
    "README.md"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    "build:lib": "tsc -p tsconfig.build.json",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    format: "biome check --write .",
    test: "vitest run",
    example: "node scripts/build.mjs && node scripts/example.mjs",
    bench: "node scripts/build.mjs && node --expose-gc scripts/bench.mjs && node scripts/bench-action.mjs && node --expose-gc scripts/bench-synth.mjs",
    "check:dist": "node scripts/build.mjs --check",
    prepack: "npm run build && npm run build:lib"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@cdktn/hcl2json": "^0.24.0",
    "@cedar-policy/cedar-wasm": "^4.13.0",
    ajv: "^8.20.0",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@actions/workflow-parser": "^0.3.61",
    "@biomejs/biome": "^2.6.8",
    "@types/node": "^20.19.43",
    cdktf: "^0.21.0",
    constructs: "^10.8.1",
    esbuild: "^0.28.2",
    typescript: "5.9",
    vitest: "^4.1.12"
  },
  allowScripts: {
    esbuild: false
  },
  peerDependencies: {
    cdktf: "0.21.0",
    constructs: "^10.3.0"
  },
  peerDependenciesMeta: {
    cdktf: {
      optional: true
    },
    constructs: {
      optional: true
    }
  }
};

// action/controls/control-set.ts
var import__ = __toESM(require__(), 1);

// action/findings.ts
var SEVERITIES = ["critical", "high", "medium", "low"];
function atOrAbove(severity, threshold) {
  if (threshold === "never") return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

// schemas/controls/MCP-NHI-001.schema.json
var MCP_NHI_001_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-001.schema.json",
  title: "MCP-NHI-001 Each tool has its own identity",
  description: "every tool resolves to exactly one identity (AWS role, GCP service account, Azure user-assigned identity, K8s service account); no identity serves two tools or two servers; resolve through configuration references, since ARNs/emails are unknown until apply",
  "x-nhi-control": {
    id: "MCP-NHI-001",
    title: "Each tool has its own identity",
    severity: "high",
    scope: "tool",
    frameworks: {
      NHI: ["NHI9", "NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.AA-05"]
    },
    description: "every tool resolves to exactly one identity (AWS role, GCP service account, Azure user-assigned identity, K8s service account); no identity serves two tools or two servers; resolve through configuration references, since ARNs/emails are unknown until apply",
    fix: "Give every MCP tool its own identity (one role per tool) and never reuse an identity across tools or servers; with the constructs, declare each tool under McpServer.tools."
  },
  type: "object",
  properties: {
    tools: {
      type: "array",
      items: {
        type: "object",
        properties: {
          identities: {
            type: "array",
            minItems: 1,
            maxItems: 1,
            "x-nhi-message": "tool resolves to {count} identities ({value}); it needs exactly one of its own"
          }
        }
      }
    },
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          tools: {
            type: "array",
            maxItems: 1,
            "x-nhi-message": "identity is shared by {count} tools ({value})"
          },
          servers: {
            type: "array",
            maxItems: 1,
            "x-nhi-message": "identity is shared by {count} servers ({value})"
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-002.schema.json
var MCP_NHI_002_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-002.schema.json",
  title: "MCP-NHI-002 No static long-lived credentials",
  description: "aws_iam_access_key, aws_iam_user_login_profile for workload users, google_service_account_key, azuread_application_password, azuread_service_principal_password, kubernetes_secret(_v1) of type kubernetes.io/service-account-token",
  "x-nhi-control": {
    id: "MCP-NHI-002",
    title: "No static long-lived credentials",
    severity: "critical",
    scope: "any",
    frameworks: {
      NHI: ["NHI7", "NHI2", "NHI4"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.AA-03"]
    },
    description: "aws_iam_access_key, aws_iam_user_login_profile for workload users, google_service_account_key, azuread_application_password, azuread_service_principal_password, kubernetes_secret(_v1) of type kubernetes.io/service-account-token",
    fix: "Remove the static credential. Let the workload assume a role (Lambda/ECS/EKS Pod Identity execution role, IRSA, GCP workload identity) so credentials are minted per session and expire."
  },
  type: "object",
  properties: {
    credentials: {
      type: "array",
      maxItems: 0
    }
  }
};

// schemas/controls/MCP-NHI-003.schema.json
var MCP_NHI_003_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-003.schema.json",
  title: "MCP-NHI-003 No plaintext secrets in config or environment",
  description: "secret-like names (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH) with literal values, or values with known credential shapes (AKIA\u2026, ghp_, github_pat_, xox?-, sk-, PEM blocks, high entropy) in Lambda environment.variables, ECS container_definitions[].environment, K8s container env[].value, ConfigMap data, Cloud Run / Container Apps env; references (secrets[].valueFrom, secret_key_ref, Key Vault refs) are fine",
  "x-nhi-control": {
    id: "MCP-NHI-003",
    title: "No plaintext secrets in config or environment",
    severity: "critical",
    scope: "any",
    frameworks: {
      NHI: ["NHI2"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.DS-01"]
    },
    description: "secret-like names (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH) with literal values, or values with known credential shapes (AKIA\u2026, ghp_, github_pat_, xox?-, sk-, PEM blocks, high entropy) in Lambda environment.variables, ECS container_definitions[].environment, K8s container env[].value, ConfigMap data, Cloud Run / Container Apps env; references (secrets[].valueFrom, secret_key_ref, Key Vault refs) are fine",
    fix: "Move the value into Secrets Manager or SSM Parameter Store and pass a reference (ECS `secrets[].valueFrom`, the secret ARN in the Lambda environment, Kubernetes `secret_key_ref`); rotate the exposed value.",
    parameters: {
      secretNamePatterns: [],
      allowNames: []
    }
  },
  type: "object",
  properties: {
    workloads: {
      type: "array",
      items: {
        type: "object",
        properties: {
          plaintextSecrets: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-004.schema.json
var MCP_NHI_004_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-004.schema.json",
  title: "MCP-NHI-004 Secret values never land in plan or state",
  description: "known literal values in aws_secretsmanager_secret_version.secret_string, aws_ssm_parameter.value (SecureString), azurerm_key_vault_secret.value, kubernetes_secret(_v1).data, AgentCore credential providers' api_key/client_secret; write-only *_wo attributes or external references pass",
  "x-nhi-control": {
    id: "MCP-NHI-004",
    title: "Secret values never land in plan or state",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI2", "NHI7"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L6"],
      CSF: ["PR.DS-01"]
    },
    description: "known literal values in aws_secretsmanager_secret_version.secret_string, aws_ssm_parameter.value (SecureString), azurerm_key_vault_secret.value, kubernetes_secret(_v1).data, AgentCore credential providers' api_key/client_secret; write-only *_wo attributes or external references pass",
    fix: "Do not write secret values through Terraform: use write-only arguments (`secret_string_wo`, `value_wo`), let the service generate the secret, or populate it out of band; rotate any value already in state."
  },
  type: "object",
  properties: {
    secrets: {
      type: "array",
      items: {
        type: "object",
        properties: {
          valueInState: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-005.schema.json
var MCP_NHI_005_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-005.schema.json",
  title: "MCP-NHI-005 Short-lived sessions",
  description: "aws_iam_role.max_session_duration \u2264 policy max (default 3600 s); K8s projected token expiration_seconds \u2264 max; no lifetime-extension org policy for MCP service accounts",
  "x-nhi-control": {
    id: "MCP-NHI-005",
    title: "Short-lived sessions",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI7"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.AA-03"]
    },
    description: "aws_iam_role.max_session_duration \u2264 policy max (default 3600 s); K8s projected token expiration_seconds \u2264 max; no lifetime-extension org policy for MCP service accounts",
    fix: "Lower the session ceiling (aws_iam_role.max_session_duration; AWS accepts 3600 to 43200 s) to at most the policy maximum, and have the server request short tool sessions (DurationSeconds 900 is enough for most tools).",
    parameters: {
      maxSessionSeconds: 3600
    }
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          maxSessionSeconds: {
            type: ["integer", "null"],
            maximum: {
              $data: "/parameters/maxSessionSeconds"
            },
            "x-nhi-message": "session ceiling is {value} s, above the {limit} s maximum"
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-006.schema.json
var MCP_NHI_006_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-006.schema.json",
  title: "MCP-NHI-006 Federated trust bound to exact subject and audience",
  description: "IRSA trust StringEquals on <issuer>:sub (no wildcard) and :aud; EKS Pod Identity with session tags on; GCP workload identity provider with non-empty attribute_condition; Azure federated credential with exact subject, audience api://AzureADTokenExchange",
  "x-nhi-control": {
    id: "MCP-NHI-006",
    title: "Federated trust bound to exact subject and audience",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI6", "NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP07"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-02", "PR.AA-04"]
    },
    description: "IRSA trust StringEquals on <issuer>:sub (no wildcard) and :aud; EKS Pod Identity with session tags on; GCP workload identity provider with non-empty attribute_condition; Azure federated credential with exact subject, audience api://AzureADTokenExchange",
    fix: "Bind federated trust to one exact subject and audience with StringEquals on `<issuer>:sub` and `<issuer>:aud` (no wildcards); for EKS Pod Identity allow sts:TagSession."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          federationIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-007.schema.json
var MCP_NHI_007_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-007.schema.json",
  title: "MCP-NHI-007 Least privilege: no wildcard or admin grants",
  description: "IAM statements (inline, managed, attached, aws_iam_policy_document data) with Action * or svc:*, NotAction, Resource * on write actions, privilege-escalation actions (iam:PassRole on *, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, sts:AssumeRole on *); managed AdministratorAccess/PowerUserAccess/IAMFullAccess; GCP roles/owner/editor/iam.*Admin; Azure Owner/Contributor/User Access Administrator at subscription scope; K8s * verbs/resources, cluster-admin. Actions AWS only grants on * are not wildcard findings",
  "x-nhi-control": {
    id: "MCP-NHI-007",
    title: "Least privilege: no wildcard or admin grants",
    severity: "critical",
    scope: "any",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI02", "ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L3", "L6"],
      CSF: ["PR.AA-05"]
    },
    description: "IAM statements (inline, managed, attached, aws_iam_policy_document data) with Action * or svc:*, NotAction, Resource * on write actions, privilege-escalation actions (iam:PassRole on *, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, sts:AssumeRole on *); managed AdministratorAccess/PowerUserAccess/IAMFullAccess; GCP roles/owner/editor/iam.*Admin; Azure Owner/Contributor/User Access Administrator at subscription scope; K8s * verbs/resources, cluster-admin. Actions AWS only grants on * are not wildcard findings",
    fix: "Grant only the actions the tool calls on the resources it needs: name actions explicitly, scope Resource to ARNs, drop NotAction/NotResource and admin managed policies, and never grant IAM write or sts:AssumeRole on `*`."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          broadGrants: {
            type: "array",
            maxItems: 0
          },
          escalationGrants: {
            type: "array",
            maxItems: 0
          }
        }
      }
    },
    policies: {
      type: "array",
      items: {
        type: "object",
        properties: {
          broadGrants: {
            type: "array",
            maxItems: 0
          },
          escalationGrants: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-008.schema.json
var MCP_NHI_008_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-008.schema.json",
  title: "MCP-NHI-008 Privilege ceiling on tool identities",
  description: "AWS permissions_boundary on every tool role; GCP deny / principal access boundary policy; Azure role assignment condition on data-plane roles",
  "x-nhi-control": {
    id: "MCP-NHI-008",
    title: "Privilege ceiling on tool identities",
    severity: "medium",
    scope: "tool",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-05"]
    },
    description: "AWS permissions_boundary on every tool role; GCP deny / principal access boundary policy; Azure role assignment condition on data-plane roles",
    fix: "Attach a permissions boundary to every tool role (aws_iam_role.permissions_boundary) so no later policy can raise it above the ceiling."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        if: {
          type: "object",
          required: ["tool"],
          properties: {
            tool: {
              type: "string"
            }
          }
        },
        then: {
          type: "object",
          properties: {
            hasPermissionsBoundary: {
              const: true,
              "x-nhi-message": "tool identity has no permissions boundary"
            }
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-009.schema.json
var MCP_NHI_009_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-009.schema.json",
  title: "MCP-NHI-009 Trust and delegation are scoped",
  description: "any role: trust names specific principals (no * principal, no bare account root without conditions); a tool role: trust names only its server's identity (no other server); sts:TagSession with required aws:RequestTag/\u2026 and sts:SourceIdentity; sts:ExternalId across accounts; the server may assume only its own tools' roles; GCP serviceAccountTokenCreator granted on the tool SA to the server SA only",
  "x-nhi-control": {
    id: "MCP-NHI-009",
    title: "Trust and delegation are scoped",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI5", "NHI9", "NHI10"],
      ASI: ["ASI03", "ASI07"],
      MCP: ["MCP02"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-04", "PR.AA-05"]
    },
    description: "any role: trust names specific principals (no * principal, no bare account root without conditions); a tool role: trust names only its server's identity (no other server); sts:TagSession with required aws:RequestTag/\u2026 and sts:SourceIdentity; sts:ExternalId across accounts; the server may assume only its own tools' roles; GCP serviceAccountTokenCreator granted on the tool SA to the server SA only",
    fix: "Name exact principals in trust policies (the server's role for a tool role), require sts:ExternalId across accounts, and require session tags (sts:TagSession with aws:RequestTag conditions) and sts:SourceIdentity on tool roles."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          trustIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-010.schema.json
var MCP_NHI_010_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-010.schema.json",
  title: "MCP-NHI-010 Authenticated endpoint with audience binding",
  description: "aws_lambda_function_url.authorization_type not NONE; AgentCore gateway authorizer with non-empty allowed_audience; API Gateway routes with an authorizer; Cloud Run not invokable by allUsers; K8s ingress/service exposure noted",
  "x-nhi-control": {
    id: "MCP-NHI-010",
    title: "Authenticated endpoint with audience binding",
    severity: "critical",
    scope: "server",
    frameworks: {
      NHI: ["NHI4"],
      ASI: ["ASI03", "ASI07"],
      MCP: ["MCP07"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-03", "PR.AA-04"]
    },
    description: "aws_lambda_function_url.authorization_type not NONE; AgentCore gateway authorizer with non-empty allowed_audience; API Gateway routes with an authorizer; Cloud Run not invokable by allUsers; K8s ingress/service exposure noted",
    fix: "Require authentication on every MCP endpoint: function URL authorization_type AWS_IAM, an API Gateway authorizer, or an AgentCore gateway JWT authorizer with allowed_audience set."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          endpointIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-011.schema.json
var MCP_NHI_011_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-011.schema.json",
  title: "MCP-NHI-011 No token passthrough",
  description: "each upstream target has its own outbound credential (AgentCore target credential provider, tool role); no configuration forwards the client's Authorization header upstream",
  "x-nhi-control": {
    id: "MCP-NHI-011",
    title: "No token passthrough",
    severity: "critical",
    scope: "server",
    frameworks: {
      NHI: ["NHI4", "NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP07", "MCP01"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-04", "PR.AA-05"]
    },
    description: "each upstream target has its own outbound credential (AgentCore target credential provider, tool role); no configuration forwards the client's Authorization header upstream",
    fix: "Give each upstream target its own outbound credential (an AgentCore credential provider or the tool's role) and never forward the client's Authorization header upstream."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          passthroughIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-012.schema.json
var MCP_NHI_012_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-012.schema.json",
  title: "MCP-NHI-012 Minimal outbound scopes per tool",
  description: "OAuth scopes on outbound credentials are declared per tool, non-empty, and contain no omnibus scope (*, all, admin, full-access)",
  "x-nhi-control": {
    id: "MCP-NHI-012",
    title: "Minimal outbound scopes per tool",
    severity: "high",
    scope: "tool",
    frameworks: {
      NHI: ["NHI5", "NHI3"],
      ASI: ["ASI02", "ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-05"]
    },
    description: "OAuth scopes on outbound credentials are declared per tool, non-empty, and contain no omnibus scope (*, all, admin, full-access)",
    fix: "Declare the OAuth scopes each tool needs, per tool and non-empty, without omnibus scopes such as `*`, `all`, `admin` or `full-access`.",
    parameters: {
      omnibusScopes: ["*", "all", "admin", "full-access", "full_access", "root"]
    }
  },
  type: "object",
  properties: {
    tools: {
      type: "array",
      items: {
        type: "object",
        properties: {
          scopeIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-013.schema.json
var MCP_NHI_013_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-013.schema.json",
  title: "MCP-NHI-013 Request-time authorization is enforced per tool",
  description: "a policy engine guards every tool (Amazon Verified Permissions policy store with STRICT validation, or AgentCore policy engine in ENFORCE mode), at least one policy per tool, no unconditional permit(principal, action, resource);",
  "x-nhi-control": {
    id: "MCP-NHI-013",
    title: "Request-time authorization is enforced per tool",
    severity: "high",
    scope: "server",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI02", "ASI03"],
      MCP: ["MCP02", "MCP07"],
      MAESTRO: ["L3", "L6"],
      CSF: ["PR.AA-05", "GV.PO-01"]
    },
    description: "a policy engine guards every tool (Amazon Verified Permissions policy store with STRICT validation, or AgentCore policy engine in ENFORCE mode), at least one policy per tool, no unconditional permit(principal, action, resource);",
    fix: "Guard every tool with a policy engine: an Amazon Verified Permissions policy store with STRICT validation and at least one conditional Cedar policy per tool (or an AgentCore policy engine in ENFORCE mode)."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          authorizationIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-014.schema.json
var MCP_NHI_014_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-014.schema.json",
  title: "MCP-NHI-014 Context-aware rules for sensitive tools",
  description: "tools marked sensitive or write-capable need conditions on caller context (Cedar when on principal/context attributes, IAM ABAC aws:PrincipalTag/aws:ResourceTag conditions)",
  "x-nhi-control": {
    id: "MCP-NHI-014",
    title: "Context-aware rules for sensitive tools",
    severity: "medium",
    scope: "tool",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI01", "ASI02", "ASI09"],
      MCP: ["MCP06"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-05"]
    },
    description: "tools marked sensitive or write-capable need conditions on caller context (Cedar when on principal/context attributes, IAM ABAC aws:PrincipalTag/aws:ResourceTag conditions)",
    fix: "Add caller-context conditions to the grants of sensitive or write-capable tools (aws:PrincipalTag/aws:ResourceTag conditions, or a Cedar `when` on principal/context attributes)."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        if: {
          type: "object",
          required: ["tool", "sensitive"],
          properties: {
            tool: {
              type: "string"
            },
            sensitive: {
              const: true
            }
          }
        },
        then: {
          type: "object",
          properties: {
            hasContextConditions: {
              const: true,
              "x-nhi-message": "sensitive tool identity grants writes without any caller-context condition"
            }
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-015.schema.json
var MCP_NHI_015_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-015.schema.json",
  title: "MCP-NHI-015 Tenant isolation on multi-tenant servers",
  description: "a server declared multi-tenant scopes every tool grant by tenant (${aws:PrincipalTag/tenant} in resources or conditions, or one identity per tenant), and its trust requires the tenant session tag",
  "x-nhi-control": {
    id: "MCP-NHI-015",
    title: "Tenant isolation on multi-tenant servers",
    severity: "high",
    scope: "server",
    frameworks: {
      NHI: ["NHI8", "NHI9"],
      ASI: ["ASI03", "ASI06"],
      MCP: ["MCP10"],
      MAESTRO: ["L3", "L7"],
      CSF: ["PR.AA-05", "PR.DS-10"]
    },
    description: "a server declared multi-tenant scopes every tool grant by tenant (${aws:PrincipalTag/tenant} in resources or conditions, or one identity per tenant), and its trust requires the tenant session tag",
    fix: "Scope every grant of a multi-tenant server by tenant (`${aws:PrincipalTag/tenant}` in resources or conditions, or one identity per tenant) and require the tenant session tag in the trust policy."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          tenantIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    },
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          tenantIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-017.schema.json
var MCP_NHI_017_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-017.schema.json",
  title: "MCP-NHI-017 No human use of workload identities",
  description: "trust policies and impersonation grants name no IAM users, SSO roles, account root, user:/group: members",
  "x-nhi-control": {
    id: "MCP-NHI-017",
    title: "No human use of workload identities",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI10"],
      ASI: ["ASI03", "ASI09"],
      MCP: ["MCP07"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-01", "PR.AA-05"]
    },
    description: "trust policies and impersonation grants name no IAM users, SSO roles, account root, user:/group: members",
    fix: "Remove IAM users, account root, SSO roles and SAML principals from the trust of workload identities; humans get their own roles."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          humanPrincipals: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-018.schema.json
var MCP_NHI_018_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-018.schema.json",
  title: "MCP-NHI-018 Environments do not share identities",
  description: "an identity is not used by resources tagged with different environments; prod trust does not trust non-prod issuers or accounts",
  "x-nhi-control": {
    id: "MCP-NHI-018",
    title: "Environments do not share identities",
    severity: "medium",
    scope: "any",
    frameworks: {
      NHI: ["NHI8"],
      ASI: ["ASI03"],
      MCP: ["MCP09"],
      MAESTRO: ["L4"],
      CSF: ["PR.IR-01", "PR.AA-05"]
    },
    description: "an identity is not used by resources tagged with different environments; prod trust does not trust non-prod issuers or accounts",
    fix: "Give each environment its own identity; do not let prod identities trust non-prod issuers or accounts."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          environments: {
            type: "array",
            maxItems: 1,
            "x-nhi-message": "identity is used by {count} environments ({value})"
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-019.schema.json
var MCP_NHI_019_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-019.schema.json",
  title: "MCP-NHI-019 Every identity has an owner and a review date",
  description: "owner and review-by tags present (mcp-nhi:owner, mcp-nhi:review-by, or the policy's names), review-by not past; tool identities that no declared tool claims are reported as orphans",
  "x-nhi-control": {
    id: "MCP-NHI-019",
    title: "Every identity has an owner and a review date",
    severity: "medium",
    scope: "tool",
    frameworks: {
      NHI: ["NHI1"],
      ASI: ["ASI10"],
      MCP: ["MCP09"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-01"]
    },
    description: "owner and review-by tags present (mcp-nhi:owner, mcp-nhi:review-by, or the policy's names), review-by not past; tool identities that no declared tool claims are reported as orphans",
    fix: "Tag every tool identity with an owner and a review-by date (mcp-nhi:owner, mcp-nhi:review-by, or the policy's tag names), review it before that date, and remove tool identities no declared tool uses.",
    parameters: {
      requiredTags: []
    }
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        if: {
          type: "object",
          required: ["tool"],
          properties: {
            tool: {
              type: "string"
            }
          }
        },
        then: {
          type: "object",
          properties: {
            owner: {
              type: "string",
              minLength: 1,
              "x-nhi-message": "tool identity has no owner tag"
            },
            reviewBy: {
              type: "string",
              minLength: 1,
              "x-nhi-message": "tool identity has no review-by tag"
            },
            reviewOverdue: {
              const: false,
              "x-nhi-message": "review-by date has passed or is not a YYYY-MM-DD date"
            },
            orphan: {
              const: false,
              "x-nhi-message": "tool identity is not claimed by any declared tool (orphan)"
            },
            missingTags: {
              type: "array",
              maxItems: 0,
              "x-nhi-message": "tool identity lacks the tags the policy requires: {value}"
            }
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-020.schema.json
var MCP_NHI_020_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-020.schema.json",
  title: "MCP-NHI-020 Unavoidable secrets are vaulted and rotated",
  description: "Secrets Manager secrets with a customer key and a rotation schedule \u2264 policy days; GCP secret rotation period; Key Vault secret expiration",
  "x-nhi-control": {
    id: "MCP-NHI-020",
    title: "Unavoidable secrets are vaulted and rotated",
    severity: "medium",
    scope: "any",
    frameworks: {
      NHI: ["NHI7", "NHI2"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-01", "PR.DS-01"]
    },
    description: "Secrets Manager secrets with a customer key and a rotation schedule \u2264 policy days; GCP secret rotation period; Key Vault secret expiration",
    fix: "Encrypt unavoidable secrets with a customer-managed key and rotate them on a schedule no longer than the policy's rotationDays.",
    parameters: {
      rotationDays: 90
    }
  },
  type: "object",
  properties: {
    secrets: {
      type: "array",
      items: {
        type: "object",
        properties: {
          rotationIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-022.schema.json
var MCP_NHI_022_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-022.schema.json",
  title: "MCP-NHI-022 Audit trail for tool calls and token minting",
  description: "CloudTrail (multi-region, log file validation) or gateway logging with retention; GCP data access audit config for iamcredentials; Azure diagnostic settings",
  "x-nhi-control": {
    id: "MCP-NHI-022",
    title: "Audit trail for tool calls and token minting",
    severity: "high",
    scope: "server",
    frameworks: {
      NHI: ["NHI1", "NHI10"],
      ASI: ["ASI08", "ASI10"],
      MCP: ["MCP08"],
      MAESTRO: ["L5"],
      CSF: ["PR.PS-04", "DE.CM-03"]
    },
    description: "CloudTrail (multi-region, log file validation) or gateway logging with retention; GCP data access audit config for iamcredentials; Azure diagnostic settings",
    fix: "Record tool calls and token minting: a multi-region CloudTrail with log file validation, or gateway/function logs with a retention period (set auditTrailExternal in the policy when the account trail is managed elsewhere).",
    parameters: {
      auditTrailExternal: false
    }
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          auditIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-023.schema.json
var MCP_NHI_023_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-023.schema.json",
  title: "MCP-NHI-023 Egress is allow-listed",
  description: "no all-ports 0.0.0.0/0 egress on the server's security groups; K8s NetworkPolicy with Egress",
  "x-nhi-control": {
    id: "MCP-NHI-023",
    title: "Egress is allow-listed",
    severity: "medium",
    scope: "server",
    frameworks: {
      NHI: ["NHI3"],
      ASI: ["ASI02", "ASI05"],
      MCP: ["MCP05"],
      MAESTRO: ["L4"],
      CSF: ["PR.IR-01"]
    },
    description: "no all-ports 0.0.0.0/0 egress on the server's security groups; K8s NetworkPolicy with Egress",
    fix: "Allow-list the server's egress: replace all-ports 0.0.0.0/0 egress with the destinations and ports its tools call (or a VPC endpoint / egress proxy)."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          egressIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-024.schema.json
var MCP_NHI_024_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-024.schema.json",
  title: "MCP-NHI-024 Server images are pinned",
  description: "container images by digest (@sha256:) in Lambda image_uri, ECS, K8s, Cloud Run",
  "x-nhi-control": {
    id: "MCP-NHI-024",
    title: "Server images are pinned",
    severity: "medium",
    scope: "server",
    frameworks: {
      NHI: ["NHI3"],
      ASI: ["ASI04"],
      MCP: ["MCP03", "MCP04"],
      MAESTRO: ["L7"],
      CSF: ["PR.PS-02"]
    },
    description: "container images by digest (@sha256:) in Lambda image_uri, ECS, K8s, Cloud Run",
    fix: "Pin server images by digest (`image@sha256:...`) so what was reviewed is what runs."
  },
  type: "object",
  properties: {
    workloads: {
      type: "array",
      items: {
        if: {
          type: "object",
          anyOf: [
            {
              required: ["server"],
              properties: {
                server: {
                  type: "string"
                }
              }
            },
            {
              required: ["tool"],
              properties: {
                tool: {
                  type: "string"
                }
              }
            }
          ]
        },
        then: {
          type: "object",
          properties: {
            unpinnedImages: {
              type: "array",
              maxItems: 0
            }
          }
        }
      }
    }
  }
};

// action/controls/builtin-controls.ts
var BUILTIN_CONTROL_SCHEMAS = [
  MCP_NHI_001_schema_default,
  MCP_NHI_002_schema_default,
  MCP_NHI_003_schema_default,
  MCP_NHI_004_schema_default,
  MCP_NHI_005_schema_default,
  MCP_NHI_006_schema_default,
  MCP_NHI_007_schema_default,
  MCP_NHI_008_schema_default,
  MCP_NHI_009_schema_default,
  MCP_NHI_010_schema_default,
  MCP_NHI_011_schema_default,
  MCP_NHI_012_schema_default,
  MCP_NHI_013_schema_default,
  MCP_NHI_014_schema_default,
  MCP_NHI_015_schema_default,
  MCP_NHI_017_schema_default,
  MCP_NHI_018_schema_default,
  MCP_NHI_019_schema_default,
  MCP_NHI_020_schema_default,
  MCP_NHI_022_schema_default,
  MCP_NHI_023_schema_default,
  MCP_NHI_024_schema_default
];

// action/controls/control-set.ts
var sharedAjv;
function ajv() {
  if (!sharedAjv) {
    sharedAjv = new import__.Ajv2020({
      allErrors: true,
      $data: true,
      verbose: true,
      strict: true,
      allowUnionTypes: true
    });
    sharedAjv.addKeyword({ keyword: "x-nhi-control", schemaType: "object" });
    sharedAjv.addKeyword({ keyword: "x-nhi-message", schemaType: "string" });
  }
  return sharedAjv;
}
var compiled = /* @__PURE__ */ new WeakMap();
function compile(schema) {
  let validate = compiled.get(schema);
  if (!validate) {
    const id = typeof schema.$id === "string" ? schema.$id : void 0;
    validate = id && ajv().getSchema(id) || ajv().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
function controlMeta(schema, origin) {
  const raw = schema["x-nhi-control"];
  if (!raw || typeof raw.id !== "string" || typeof raw.title !== "string") {
    throw new Error(`control schema from ${origin} has no x-nhi-control {id, title}`);
  }
  const severity = SEVERITIES.includes(raw.severity) ? raw.severity : "high";
  const scope = raw.scope === "tool" || raw.scope === "server" ? raw.scope : "any";
  return {
    id: raw.id,
    title: raw.title,
    severity,
    scope,
    frameworks: raw.frameworks ?? {},
    description: typeof raw.description === "string" ? raw.description : raw.title,
    fix: typeof raw.fix === "string" ? raw.fix : "See the control description.",
    ...raw.parameters ? { parameters: raw.parameters } : {},
    origin
  };
}
function loadControlSet(policy) {
  const sources = [
    ...BUILTIN_CONTROL_SCHEMAS.map((schema) => ({ schema, origin: "builtin" })),
    ...policy.customControls.map((schema) => ({ schema, origin: policy.path ?? "policy" }))
  ];
  const controls = [];
  const parameters = {};
  for (const { schema, origin } of sources) {
    const base = controlMeta(schema, origin);
    const setting = policy.controls[base.id];
    Object.assign(parameters, base.parameters, setting?.parameters);
    if (setting?.enabled === false) continue;
    const meta = setting?.severity ? { ...base, severity: setting.severity } : base;
    controls.push({ meta, validate: compile(schema) });
  }
  return { controls, parameters };
}

// action/controls/evaluate-controls.ts
init_record();
function evaluateControls(inventory, controlSet, sourceOf) {
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  for (const control of controlSet.controls) {
    if (control.validate(inventory)) continue;
    for (const error of control.validate.errors ?? []) {
      if (error.keyword === "if") continue;
      for (const finding of errorToFindings(inventory, control, error, sourceOf)) {
        const key = `${finding.control}\0${finding.address}\0${finding.attribute ?? ""}\0${finding.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(finding);
      }
    }
  }
  return findings;
}
function errorToFindings(inventory, control, error, sourceOf) {
  const segments = error.instancePath.split("/").slice(1).map(unescapePointer);
  let value = inventory;
  let entity;
  let collection;
  for (const segment of segments) {
    if (entity === void 0 && collection === void 0) collection = segment;
    value = value?.[segment];
    if (isEntity(value)) entity = value;
  }
  const fact = segments.at(-1) ?? "";
  const base = {
    control: control.meta.id,
    severity: control.meta.severity,
    fix: control.meta.fix,
    frameworks: control.meta.frameworks
  };
  const owner = attributionOf(entity, collection);
  if (Array.isArray(value) && error.keyword === "maxItems" && error.params.limit === 0 && value.some(isEvidenceLike)) {
    const itemsAreEntities = segments.length === 1;
    return value.filter(isEvidenceLike).map((item) => {
      const itemOwner = itemsAreEntities ? attributionOf(item, collection) : owner;
      const source = item.address === entity?.address ? entity.source : sourceOf(item.address) ?? entity?.source;
      return compact({
        ...base,
        status: statusOf(item),
        address: item.address,
        attribute: item.attribute,
        ...itemOwner,
        message: item.detail ?? `${item.address} ${error.message ?? "fails"}`,
        source,
        refs: isUnknown(item) ? [...item.refs] : void 0
      });
    });
  }
  const address = entity?.address ?? (inventory.servers[0]?.address || "inventory");
  const attribute2 = entity?.at?.[fact] ?? (fact && !/^\d+$/.test(fact) ? fact : void 0);
  const unknown = isUnknown(value) ? value : void 0;
  const message = unknown ? `${attribute2 ?? fact} is known only after apply${unknown.expression ? ` (${unknown.expression})` : ""}, so this control cannot be decided yet` : messageFor(error, value);
  return [
    compact({
      ...base,
      status: unknown ? "unknown" : "fail",
      address,
      attribute: attribute2,
      ...owner,
      message,
      source: entity?.source ?? sourceOf(address),
      refs: unknown ? [...unknown.refs] : void 0
    })
  ];
}
function messageFor(error, value) {
  const template = error.parentSchema?.["x-nhi-message"];
  const shown = Array.isArray(value) ? value.map(String).join(", ") : value === null || value === void 0 ? "not set" : String(value);
  if (typeof template === "string") {
    return template.replaceAll("{value}", shown).replaceAll("{count}", String(Array.isArray(value) ? value.length : 1)).replaceAll("{limit}", String(error.params.limit ?? error.params.allowedValue ?? ""));
  }
  return `${error.instancePath.split("/").at(-1)} ${error.message ?? "does not match the control"} (is ${shown})`;
}
function attributionOf(entity, collection) {
  if (!entity) return {};
  const server = entity.server ?? entity.servers?.[0];
  const tool = entity.tool ?? (collection === "tools" && typeof entity.name === "string" ? entity.name : void 0);
  return { ...server ? { server } : {}, ...tool ? { tool } : {} };
}
function statusOf(item) {
  return isUnknown(item) ? "unknown" : "fail";
}
function isEntity(value) {
  return typeof value === "object" && value !== null && typeof value.address === "string";
}
function isEvidenceLike(value) {
  return isEntity(value);
}
function unescapePointer(segment) {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}
function compact(finding) {
  for (const key of Object.keys(finding)) if (finding[key] === void 0) delete finding[key];
  return finding;
}

// action/policy/glob.ts
var globCache = /* @__PURE__ */ new Map();
function compileGlob(glob) {
  let compiled2 = globCache.get(glob);
  if (compiled2 === void 0) {
    compiled2 = { chars: Array.from(glob) };
    globCache.set(glob, compiled2);
  }
  return compiled2;
}
function matchAddress(glob, address) {
  const pattern = compileGlob(glob).chars;
  const text = Array.from(address);
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === "*") {
      starP = ++p;
      starT = t;
    } else if (c !== void 0 && (c === "?" || c === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

// action/inventory/attribution.ts
init_record();

// action/inventory/tags.ts
init_record();

// action/inventory/values.ts
init_record();
function blocks(value) {
  if (Array.isArray(value)) return value.filter(isPlainObject);
  return isPlainObject(value) && !isUnknown(value) ? [value] : [];
}
function firstBlock(value) {
  return blocks(value)[0];
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// action/inventory/tags.ts
var EMPTY = Object.freeze({});
function readTags(record2) {
  const values = record2.values;
  const tags = values.tags ?? values.labels;
  const all = values.tags_all;
  if (isUnknown(tags) && !isPlainObject(all)) return tags;
  const merged = {};
  for (const source of [all, tags]) {
    if (!isPlainObject(source) || isUnknown(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === "string" || isUnknown(value)) merged[key] = value;
    }
  }
  return Object.keys(merged).length === 0 ? isUnknown(all) ? all : EMPTY : merged;
}
function tagValue(tags, key) {
  if (isUnknown(tags)) return tags;
  return Object.hasOwn(tags, key) ? tags[key] : void 0;
}

// action/inventory/attribution.ts
var IDENTITY_TYPES = /* @__PURE__ */ new Set([
  "aws_iam_role",
  "aws_iam_user",
  "google_service_account",
  "azurerm_user_assigned_identity",
  "kubernetes_service_account",
  "kubernetes_service_account_v1"
]);
var NONE = Object.freeze({});
function attribute(index, manifests, policy) {
  const claims2 = /* @__PURE__ */ new Map();
  const environments2 = /* @__PURE__ */ new Map();
  const servers = /* @__PURE__ */ new Map();
  const serverOf = (name) => {
    let server = servers.get(name);
    if (!server) {
      server = { name, multiTenant: false, tools: /* @__PURE__ */ new Map() };
      servers.set(name, server);
    }
    return server;
  };
  const toolOf = (server, name) => {
    let tool = server.tools.get(name);
    if (!tool) {
      tool = { name, identities: /* @__PURE__ */ new Set(), sensitive: false, writeCapable: false };
      server.tools.set(name, tool);
    }
    return tool;
  };
  const claim = (address, attribution) => {
    if (!claims2.has(address)) claims2.set(address, attribution);
  };
  for (const manifest of manifests) {
    for (const declared2 of manifest.servers) {
      const server = serverOf(declared2.name);
      server.identity ??= declared2.identity;
      server.environment ??= declared2.environment;
      server.multiTenant ||= declared2.multiTenant === true;
      claim(manifest.address, { server: declared2.name, attributedBy: "manifest" });
      if (declared2.identity) claim(declared2.identity, { server: declared2.name, attributedBy: "manifest" });
      for (const address of declared2.resources ?? [])
        claim(address, { server: declared2.name, attributedBy: "manifest" });
      for (const declaredTool of declared2.tools) {
        const tool = toolOf(server, declaredTool.name);
        tool.sensitive ||= declaredTool.sensitive === true;
        tool.writeCapable ||= declaredTool.writeCapable === true;
        tool.scopes ??= declaredTool.scopes;
        tool.address ??= declaredTool.identity ?? manifest.address;
        const toolClaim = {
          server: declared2.name,
          tool: declaredTool.name,
          attributedBy: "manifest"
        };
        if (declaredTool.identity) {
          tool.identities.add(declaredTool.identity);
          claim(declaredTool.identity, toolClaim);
        }
        for (const address of declaredTool.resources ?? []) claim(address, toolClaim);
      }
    }
  }
  const { tags: names } = policy;
  for (const record2 of index.all) {
    if (record2.mode !== "managed") continue;
    const tags = readTags(record2);
    const environment = tagValue(tags, names.environment);
    if (typeof environment === "string") environments2.set(record2.address, environment);
    if (claims2.has(record2.address)) continue;
    const serverTag = tagValue(tags, names.server);
    const toolTag = tagValue(tags, names.tool);
    if (isUnknown(serverTag) || isUnknown(toolTag)) {
      if (isUnknown(tags) || serverTag !== void 0 || toolTag !== void 0) {
        if (IDENTITY_TYPES.has(record2.type)) claims2.set(record2.address, { attributedBy: "unresolved" });
      }
      continue;
    }
    if (typeof serverTag !== "string") continue;
    const tenant = tagValue(tags, names.tenant);
    claims2.set(record2.address, {
      server: serverTag,
      ...typeof toolTag === "string" ? { tool: toolTag } : {},
      ...typeof tenant === "string" ? { tenant } : {},
      attributedBy: "tags"
    });
    const server = serverOf(serverTag);
    if (typeof environment === "string" && !server.environment) server.environment = environment;
    if (typeof toolTag === "string") toolOf(server, toolTag).address ??= record2.address;
  }
  for (const selector of policy.servers) {
    const server = serverOf(selector.name);
    server.environment ??= selector.environment;
    server.multiTenant ||= selector.multiTenant === true;
    for (const declaredTool of selector.tools) {
      const tool = toolOf(server, declaredTool.name);
      tool.sensitive ||= declaredTool.sensitive === true;
      tool.writeCapable ||= declaredTool.writeCapable === true;
      tool.scopes ??= declaredTool.scopes;
    }
  }
  if (policy.servers.length > 0) {
    for (const record2 of index.all) {
      if (claims2.has(record2.address)) continue;
      for (const selector of policy.servers) {
        const tool = selector.tools.find((t) => t.select.some((glob) => matchAddress(glob, record2.address)));
        if (tool) {
          claims2.set(record2.address, { server: selector.name, tool: tool.name, attributedBy: "selector" });
          toolOf(serverOf(selector.name), tool.name).address ??= record2.address;
          break;
        }
        if (selector.select.some((glob) => matchAddress(glob, record2.address))) {
          claims2.set(record2.address, { server: selector.name, attributedBy: "selector" });
          break;
        }
      }
    }
  }
  for (const [address, attribution] of claims2) {
    const record2 = index.byAddress.get(address);
    if (!record2 || !IDENTITY_TYPES.has(record2.type) || !attribution.server) continue;
    const server = serverOf(attribution.server);
    if (attribution.tool) toolOf(server, attribution.tool).identities.add(address);
    else server.identity ??= address;
  }
  const declared = [...servers.values()].map((server) => ({
    name: server.name,
    ...server.identity ? { identity: server.identity } : {},
    ...server.environment ? { environment: server.environment } : {},
    multiTenant: server.multiTenant,
    tools: [...server.tools.values()].map(
      (tool) => ({
        name: tool.name,
        server: server.name,
        identities: [...tool.identities],
        sensitive: tool.sensitive,
        writeCapable: tool.writeCapable,
        ...tool.scopes ? { scopes: tool.scopes } : {},
        address: tool.address ?? [...tool.identities][0] ?? server.identity ?? `mcp-server.${server.name}`
      })
    )
  }));
  const serverEnvironment = new Map(declared.map((server) => [server.name, server.environment]));
  return {
    servers: declared,
    attributionOf: (address) => claims2.get(address) ?? NONE,
    environmentOf: (address) => {
      const own = environments2.get(address);
      if (own) return own;
      const server = claims2.get(address)?.server;
      return server ? serverEnvironment.get(server) : void 0;
    }
  };
}

// action/inventory/aws/credentials.ts
init_record();

// action/inventory/aws/resolve.ts
init_record();
var ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
var POLICY_ARN = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
function resolveRefs(index, value, type) {
  const tables = tablesOf(index);
  if (isUnknown(value)) {
    const out = [];
    for (const ref of value.refs) {
      if (addressType(ref) !== type) continue;
      const instances = index.byAddress.has(ref) ? void 0 : tables.instances(type).get(ref);
      if (instances) out.push(...instances);
      else out.push(ref);
    }
    return out;
  }
  if (typeof value !== "string" || value === "") return [];
  const keys = tables.keys(type);
  const name = type === "aws_iam_role" ? ROLE_ARN.exec(value)?.[1] ?? value : lastArnSegment(value);
  const byName = keys.get(`name\0${name}`) ?? [];
  const byArn = keys.get(`arn\0${value}`) ?? [];
  const byId = keys.get(`id\0${value}`) ?? [];
  if (byArn.length === 0 && byId.length === 0) return byName;
  return [.../* @__PURE__ */ new Set([...byName, ...byArn, ...byId])];
}
function recordsReferring(index, type, attribute2, targetType, target) {
  return tablesOf(index).reverse(type, attribute2, targetType).get(target) ?? [];
}
var tablesByIndex = /* @__PURE__ */ new WeakMap();
function tablesOf(index) {
  let tables = tablesByIndex.get(index);
  if (tables) return tables;
  const keys = /* @__PURE__ */ new Map();
  const instances = /* @__PURE__ */ new Map();
  const reverse = /* @__PURE__ */ new Map();
  const push2 = (map, key, value) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  tables = {
    keys(type) {
      let table = keys.get(type);
      if (!table) {
        table = /* @__PURE__ */ new Map();
        for (const record2 of index.byType(type)) {
          for (const field2 of ["name", "arn", "id"]) {
            const value = record2.values[field2];
            if (typeof value === "string" && value !== "") push2(table, `${field2}\0${value}`, record2.address);
          }
        }
        keys.set(type, table);
      }
      return table;
    },
    instances(type) {
      let table = instances.get(type);
      if (!table) {
        table = /* @__PURE__ */ new Map();
        for (const record2 of index.byType(type)) {
          const base = withoutInstanceKey(record2.address);
          if (base !== record2.address) push2(table, base, record2.address);
        }
        instances.set(type, table);
      }
      return table;
    },
    reverse(type, attribute2, targetType) {
      const key = `${type}\0${attribute2}\0${targetType}`;
      let table = reverse.get(key);
      if (!table) {
        table = /* @__PURE__ */ new Map();
        for (const record2 of index.byType(type)) {
          if (record2.mode !== "managed") continue;
          const value = record2.values[attribute2];
          const elements = Array.isArray(value) ? value : [value];
          const targets = new Set(elements.flatMap((element) => resolveRefs(index, element, targetType)));
          for (const target of targets) push2(table, target, record2);
        }
        reverse.set(key, table);
      }
      return table;
    }
  };
  tablesByIndex.set(index, tables);
  return tables;
}
function withoutInstanceKey(address) {
  return address.endsWith("]") ? address.replace(/\[[^\]]*\]$/, "") : address;
}
function resolveRole(index, value) {
  return resolveRefs(index, value, "aws_iam_role");
}
function parsePolicyArn(arn) {
  const match = POLICY_ARN.exec(arn);
  return match ? { account: match[1], name: match[2] } : void 0;
}
function addressType(address) {
  const parts = stripModule(address).split(".");
  if (parts[0] === "data") return parts[1];
  return parts[0];
}
function stripModule(address) {
  let rest = address;
  while (rest.startsWith("module.")) {
    const afterName = rest.slice("module.".length).replace(/^[^.[]+(\[[^\]]*\])?\.?/, "");
    if (afterName === rest) break;
    rest = afterName;
  }
  return rest;
}
function lastArnSegment(value) {
  const slash = value.lastIndexOf("/");
  const colon = value.lastIndexOf(":");
  return value.slice(Math.max(slash, colon) + 1);
}

// action/inventory/aws/facts-common.ts
var DEFAULT_OMNIBUS_SCOPES = ["*", "all", "admin", "full-access", "full_access", "root"];
var DEFAULT_ROTATION_DAYS = 90;
function stringArray(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : void 0;
}
function runtimeParameters(ctx) {
  const p = ctx.parameters;
  const rotationDays = typeof p.rotationDays === "number" && Number.isFinite(p.rotationDays) ? p.rotationDays : DEFAULT_ROTATION_DAYS;
  return {
    secretNamePatterns: stringArray(p.secretNamePatterns) ?? [],
    allowNames: new Set((stringArray(p.allowNames) ?? []).map((name) => name.toLowerCase())),
    rotationDays,
    omnibusScopes: new Set(
      (stringArray(p.omnibusScopes) ?? DEFAULT_OMNIBUS_SCOPES).map((s) => s.toLowerCase())
    ),
    auditTrailExternal: p.auditTrailExternal === true
  };
}
function attributionFields(attribution) {
  const out = {};
  if (attribution.server !== void 0) out.server = attribution.server;
  if (attribution.tool !== void 0) out.tool = attribution.tool;
  if (attribution.tenant !== void 0) out.tenant = attribution.tenant;
  if (attribution.attributedBy !== void 0) out.attributedBy = attribution.attributedBy;
  return out;
}
function claims(attribution) {
  return attribution.server !== void 0 || attribution.tool !== void 0;
}
function identityAttribution(ctx, identity) {
  const own = ctx.attributionOf(identity);
  if (claims(own)) return own;
  for (const server of ctx.servers) {
    for (const tool of server.tools) {
      if (tool.identities.includes(identity))
        return { server: server.name, tool: tool.name, attributedBy: "identity" };
    }
    if (server.identity === identity) return { server: server.name, attributedBy: "identity" };
  }
  return own;
}
function inheritedAttribution(ctx, address, related) {
  const own = ctx.attributionOf(address);
  if (claims(own)) return attributionFields(own);
  for (const other of related) {
    const theirs = identityAttribution(ctx, other);
    if (claims(theirs)) return attributionFields({ ...theirs, attributedBy: "identity" });
  }
  return attributionFields(own);
}
function blockSegments(container, key) {
  return Array.isArray(container) ? [key, 0] : [key];
}
var GENERATED_VALUE = /\b(?:data\.)?(random_password|random_string|tls_private_key|aws_iam_access_key)\.[\w-]+/;
var SECRET_VALUE_ATTRIBUTES = {
  aws_secretsmanager_secret_version: /* @__PURE__ */ new Set(["secret_string", "secret_binary"]),
  aws_ssm_parameter: /* @__PURE__ */ new Set(["value", "insecure_value"]),
  random_password: /* @__PURE__ */ new Set(["result"]),
  aws_iam_access_key: /* @__PURE__ */ new Set(["secret", "ses_smtp_password_v4", "encrypted_secret"]),
  tls_private_key: /* @__PURE__ */ new Set(["private_key_pem", "private_key_openssh", "private_key_pem_pkcs8"]),
  aws_bedrockagentcore_api_key_credential_provider: /* @__PURE__ */ new Set(["api_key"])
};
var REFERENCE_IN_EXPRESSION = /\b(?:data\.)?([a-z][a-z0-9_]*)\.[\w-]+(?:\[[^\]]{0,200}\])?\.([a-z][a-z0-9_]*)/g;
function secretValueReference(value) {
  if (value.expression === void 0) return void 0;
  for (const match of value.expression.matchAll(REFERENCE_IN_EXPRESSION)) {
    const [, type, attribute2] = match;
    if (type !== void 0 && attribute2 !== void 0 && SECRET_VALUE_ATTRIBUTES[type]?.has(attribute2)) {
      return `${type}.${attribute2}`;
    }
  }
  return void 0;
}
function generatedValueSource(value) {
  for (const ref of value.refs) {
    const type = addressType(ref);
    if (type !== void 0 && GENERATED_VALUE.test(`${type}.x`)) return ref;
  }
  if (value.expression !== void 0) return GENERATED_VALUE.exec(value.expression)?.[0];
  return void 0;
}
function describeUnknown(value) {
  if (value.expression !== void 0) return value.expression;
  if (value.refs.length > 0) return value.refs.join(", ");
  return "a value known only after apply";
}
function unknownEvidence(address, attribute2, detail, value) {
  const evidence2 = { address, detail, $unknown: true, refs: value.refs };
  return attribute2 === void 0 ? evidence2 : { ...evidence2, attribute: attribute2 };
}
function evidence(address, attribute2, detail) {
  return attribute2 === void 0 ? { address, detail } : { address, attribute: attribute2, detail };
}
function unique(items) {
  return [...new Set(items)];
}

// action/inventory/aws/credentials.ts
var USER_ARGUMENT = {
  aws_iam_access_key: "user",
  aws_iam_user_login_profile: "user",
  aws_iam_service_specific_credential: "user_name",
  aws_iam_signing_certificate: "user_name"
};
function awsCredentials(ctx) {
  const out = [];
  for (const [type, userArgument] of Object.entries(USER_ARGUMENT)) {
    for (const record2 of ctx.index.byType(type)) {
      if (record2.mode !== "managed") continue;
      const userValue = record2.values[userArgument];
      const identity = resolveRefs(ctx.index, userValue, "aws_iam_user")[0];
      const user = userLabel(userValue, identity);
      if (type === "aws_iam_user_login_profile" && !isWorkloadUser(ctx, record2, identity, user)) continue;
      out.push({
        address: record2.address,
        source: record2.source,
        ...inheritedAttribution(ctx, record2.address, identity === void 0 ? [] : [identity]),
        kind: type,
        ...identity === void 0 ? {} : { identity },
        detail: credentialDetail(record2, user),
        at: { identity: userArgument }
      });
    }
  }
  return out;
}
function userLabel(value, identity) {
  if (typeof value === "string" && value !== "") return value;
  if (identity !== void 0) return identity;
  if (isUnknown(value)) return describeUnknown(value);
  return "an unnamed user";
}
function credentialDetail(record2, user) {
  const v = record2.values;
  switch (record2.type) {
    case "aws_iam_access_key": {
      const parts = [`long-lived access key for IAM user ${user}`];
      if (v.status === "Inactive") {
        parts.push(
          "it is Inactive but can be re-activated at any time, so it is still a standing credential"
        );
      }
      parts.push(
        typeof v.pgp_key === "string" && v.pgp_key !== "" ? "pgp_key only encrypts the secret in state, it does not make the key short-lived" : "its secret is stored unencrypted in state"
      );
      parts.push(
        "use a role with short-lived credentials (IRSA, Pod Identity, OIDC federation, a Lambda or ECS task role)"
      );
      return `${parts.join("; ")}.`;
    }
    case "aws_iam_user_login_profile":
      return `console password for workload user ${user}; a workload never needs console access, remove the login profile.`;
    case "aws_iam_service_specific_credential": {
      const service = typeof v.service_name === "string" ? v.service_name : "a service";
      const age = typeof v.credential_age_days === "number" ? ` (expires after ${v.credential_age_days} days)` : "";
      return `service-specific credential for ${service} of IAM user ${user}${age}; a static password or API key, use role-based access instead.`;
    }
    case "aws_iam_signing_certificate":
      return `X.509 signing certificate of IAM user ${user}; a long-lived credential, use role-based access instead.`;
    default:
      return `static credential of IAM user ${user}.`;
  }
}
var WORKLOAD_USER = /(?:^|[^a-z])(?:svc|service|bot|robot|machine|system|automation|ci|cd|deploy(?:er)?|pipeline|mcp|agent|app|workload|integration|terraform|github|gitlab|jenkins)(?:[^a-z]|$)/i;
function isWorkloadUser(ctx, record2, identity, user) {
  const attribution = inheritedAttribution(ctx, record2.address, identity === void 0 ? [] : [identity]);
  if (attribution.server !== void 0 || attribution.tool !== void 0) return true;
  if (identity !== void 0) {
    for (const key of ctx.index.byType("aws_iam_access_key")) {
      if (resolveRefs(ctx.index, key.values.user, "aws_iam_user").includes(identity)) return true;
    }
    const userRecord = ctx.index.byAddress.get(identity);
    if (userRecord) {
      const { path, name } = userRecord.values;
      if (typeof path === "string" && WORKLOAD_USER.test(path)) return true;
      if (typeof name === "string" && WORKLOAD_USER.test(name)) return true;
      const tags = readTags(userRecord);
      if (!isUnknown(tags) && Object.hasOwn(tags, ctx.policy.tags.server)) return true;
    }
  }
  return WORKLOAD_USER.test(user);
}

// action/inventory/aws/iam-permissions.ts
init_record();

// action/inventory/aws/iam-actions.ts
var READ_VERBS = [
  "get",
  "list",
  "describe",
  "head",
  "query",
  "scan",
  "search",
  "batchget",
  "lookup",
  "read",
  "filter",
  "view",
  "retrieve"
];
var READ_EXTRA = /* @__PURE__ */ new Set([
  "ecr:batchchecklayeravailability",
  "kms:decrypt",
  "kms:verify",
  "sts:decodeauthorizationmessage"
]);
var RESOURCELESS = new Set(
  [
    "sts:GetCallerIdentity",
    "sts:GetSessionToken",
    "sts:DecodeAuthorizationMessage",
    "ecr:GetAuthorizationToken",
    "cloudwatch:PutMetricData",
    "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
    "s3:ListAllMyBuckets",
    "iam:ListRoles",
    "iam:ListPolicies",
    "iam:ListUsers",
    "iam:GetAccountSummary",
    "kms:ListKeys",
    "kms:ListAliases",
    "kms:CreateKey",
    "kms:GenerateRandom",
    "ssm:DescribeParameters",
    "secretsmanager:ListSecrets",
    "secretsmanager:GetRandomPassword",
    "logs:DescribeLogGroups",
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "tag:GetResources",
    "tag:GetTagKeys",
    "tag:GetTagValues",
    "cloudformation:ListStacks",
    "cloudformation:ValidateTemplate",
    "lambda:ListFunctions",
    "dynamodb:ListTables",
    "sqs:ListQueues",
    "sns:ListTopics",
    "bedrock:ListFoundationModels"
  ].map((action) => action.toLowerCase())
);
var TELEMETRY = new Set(
  [
    "logs:CreateLogGroup",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "logs:DescribeLogStreams",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "cloudwatch:PutMetricData",
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses"
  ].map((action) => action.toLowerCase())
);
var ESCALATION_ACTIONS = [
  { action: "iam:PassRole", onAnyResource: true },
  { action: "sts:AssumeRole", onAnyResource: true },
  { action: "lambda:UpdateFunctionCode", onAnyResource: true },
  { action: "iam:CreateAccessKey", onAnyResource: false },
  { action: "iam:CreateLoginProfile", onAnyResource: false },
  { action: "iam:UpdateLoginProfile", onAnyResource: false },
  { action: "iam:AttachRolePolicy", onAnyResource: false },
  { action: "iam:AttachUserPolicy", onAnyResource: false },
  { action: "iam:AttachGroupPolicy", onAnyResource: false },
  { action: "iam:PutRolePolicy", onAnyResource: false },
  { action: "iam:PutUserPolicy", onAnyResource: false },
  { action: "iam:PutGroupPolicy", onAnyResource: false },
  { action: "iam:CreatePolicyVersion", onAnyResource: false },
  { action: "iam:SetDefaultPolicyVersion", onAnyResource: false },
  { action: "iam:UpdateAssumeRolePolicy", onAnyResource: false },
  { action: "iam:AddUserToGroup", onAnyResource: false },
  { action: "iam:PutRolePermissionsBoundary", onAnyResource: false },
  { action: "iam:DeleteRolePermissionsBoundary", onAnyResource: false },
  { action: "iam:PutUserPermissionsBoundary", onAnyResource: false },
  { action: "iam:DeleteUserPermissionsBoundary", onAnyResource: false }
];
function isAllActions(pattern) {
  return /^\*(:\*)?$/.test(pattern.trim());
}
function isServiceWildcard(pattern) {
  return /^[\w-]+:\*$/.test(pattern.trim());
}
function isReadAction(pattern) {
  const lower = pattern.trim().toLowerCase();
  if (READ_EXTRA.has(lower)) return true;
  const colon = lower.indexOf(":");
  if (colon < 0) return false;
  const verb = lower.slice(colon + 1);
  return READ_VERBS.some((read) => verb.startsWith(read));
}
function isResourceless(action) {
  return RESOURCELESS.has(action.trim().toLowerCase());
}
function isTelemetry(action) {
  return TELEMETRY.has(action.trim().toLowerCase());
}
function actionMatches(pattern, action) {
  return wildcardRegex(pattern.trim()).test(action);
}
var REGEX_CACHE = /* @__PURE__ */ new Map();
function wildcardRegex(pattern) {
  let regex = REGEX_CACHE.get(pattern);
  if (!regex) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    regex = new RegExp(`^${source}$`, "is");
    REGEX_CACHE.set(pattern, regex);
  }
  return regex;
}
function isAllResources(resource) {
  const value = resource.trim();
  if (value === "*") return true;
  const parts = value.split(":");
  if (parts[0] !== "arn" || parts.length < 3) return false;
  return parts[2] === "*" && parts.slice(3).every((part) => part === "*" || part === "");
}

// action/inventory/aws/iam-document.ts
init_record();
var JSON_FIELDS = {
  Sid: "Sid",
  Effect: "Effect",
  Action: "Action",
  NotAction: "NotAction",
  Resource: "Resource",
  NotResource: "NotResource",
  Principal: "Principal",
  NotPrincipal: "NotPrincipal",
  Condition: "Condition"
};
var BLOCK_FIELDS = {
  Sid: "sid",
  Effect: "effect",
  Action: "actions",
  NotAction: "not_actions",
  Resource: "resources",
  NotResource: "not_resources",
  Principal: "principals",
  NotPrincipal: "not_principals",
  Condition: "condition"
};
function readPolicyDocument(value) {
  if (value === void 0 || value === null) return { kind: "absent" };
  if (isUnknown(value) && isPlainObject(value.partial)) return readPolicyDocument(value.partial);
  if (isUnknown(value)) return { kind: "unknown", value };
  let parsed = value;
  if (typeof value === "string") {
    const text = value.replace(/^\uFEFF/, "").trim();
    if (text === "") return { kind: "absent" };
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: "invalid", reason: "policy is not valid JSON" };
    }
  }
  if (isUnknown(parsed)) return { kind: "unknown", value: parsed };
  if (!isPlainObject(parsed)) return { kind: "invalid", reason: "policy is not a JSON object" };
  const statementValue = field(parsed, "Statement");
  if (isUnknown(statementValue)) return { kind: "unknown", value: statementValue };
  const version = field(parsed, "Version");
  const statements = [];
  if (Array.isArray(statementValue)) {
    statementValue.forEach((item, i) => {
      if (isUnknown(item)) statements.push(unknownStatement(["Statement", i], item));
      else if (isPlainObject(item)) statements.push(normalizeStatement(item, ["Statement", i]));
    });
  } else if (isPlainObject(statementValue)) {
    statements.push(normalizeStatement(statementValue, ["Statement"]));
  } else if (statementValue !== void 0 && statementValue !== null) {
    return { kind: "invalid", reason: "policy Statement is neither an object nor a list" };
  }
  return {
    kind: "document",
    document: typeof version === "string" ? { version, statements } : { statements }
  };
}
function documentFromStatementBlocks(values) {
  const statements = [];
  blocks(values.statement).forEach((block, i) => {
    const path = ["statement", i];
    const effect = block.effect;
    const sid = block.sid;
    const statement = {
      path,
      fields: BLOCK_FIELDS,
      effect: isUnknown(effect) ? effect : normalizeEffect(typeof effect === "string" ? effect : "Allow"),
      condition: blockConditions(block.condition)
    };
    if (typeof sid === "string" && sid !== "") statement.sid = sid;
    const lists = [
      ["Action", "action"],
      ["NotAction", "notAction"],
      ["Resource", "resource"],
      ["NotResource", "notResource"]
    ];
    for (const [key, prop] of lists) {
      const raw = block[BLOCK_FIELDS[key]];
      if (raw === void 0 || raw === null) continue;
      const leaves = toLeaves(raw);
      if (isUnknown(leaves) || leaves.length > 0) statement[prop] = leaves;
    }
    const principal = blockPrincipals(block.principals, "principals");
    if (principal !== void 0) statement.principal = principal;
    const notPrincipal = blockPrincipals(block.not_principals, "not_principals");
    if (notPrincipal !== void 0) statement.notPrincipal = notPrincipal;
    statements.push(statement);
  });
  return { statements };
}
function statementPath(statement, key) {
  return [...statement.path, statement.fields[key]];
}
function literals(leaves) {
  if (leaves === void 0 || isUnknown(leaves)) return [];
  return leaves.filter((leaf) => typeof leaf === "string");
}
function unknownLeaves(leaves) {
  if (leaves === void 0) return [];
  if (isUnknown(leaves)) return [leaves];
  return leaves.filter((leaf) => isUnknown(leaf));
}
function conditionEntries(statement) {
  return isUnknown(statement.condition) ? [] : statement.condition;
}
function principalEntries(principals) {
  if (principals === void 0 || isUnknown(principals)) return [];
  return principals;
}
function unknownStatement(path, value) {
  return { path, fields: JSON_FIELDS, effect: value, action: value, resource: value, condition: value };
}
function normalizeStatement(raw, path) {
  const effect = field(raw, "Effect");
  const statement = {
    path,
    fields: JSON_FIELDS,
    effect: isUnknown(effect) ? effect : normalizeEffect(typeof effect === "string" ? effect : ""),
    condition: jsonConditions(field(raw, "Condition"))
  };
  const sid = field(raw, "Sid");
  if (typeof sid === "string" && sid !== "") statement.sid = sid;
  const action = field(raw, "Action");
  if (action !== void 0 && action !== null) statement.action = toLeaves(action);
  const notAction = field(raw, "NotAction");
  if (notAction !== void 0 && notAction !== null) statement.notAction = toLeaves(notAction);
  const resource = field(raw, "Resource");
  if (resource !== void 0 && resource !== null) statement.resource = toLeaves(resource);
  const notResource = field(raw, "NotResource");
  if (notResource !== void 0 && notResource !== null) statement.notResource = toLeaves(notResource);
  const principal = field(raw, "Principal");
  if (principal !== void 0 && principal !== null) {
    statement.principal = jsonPrincipals(principal, "Principal");
  }
  const notPrincipal = field(raw, "NotPrincipal");
  if (notPrincipal !== void 0 && notPrincipal !== null) {
    statement.notPrincipal = jsonPrincipals(notPrincipal, "NotPrincipal");
  }
  return statement;
}
function field(object2, name) {
  if (Object.hasOwn(object2, name)) return object2[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(object2)) {
    if (key.toLowerCase() === lower) return value;
  }
  return void 0;
}
function normalizeEffect(effect) {
  const lower = effect.trim().toLowerCase();
  if (lower === "allow") return "Allow";
  if (lower === "deny") return "Deny";
  return effect;
}
function toLeaves(value) {
  if (isUnknown(value)) return value;
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (!Array.isArray(value)) return [];
  const out = [];
  for (const item of value) {
    if (isUnknown(item) || typeof item === "string") out.push(item);
    else if (typeof item === "number" || typeof item === "boolean") out.push(String(item));
  }
  return out;
}
function jsonPrincipals(value, name) {
  if (isUnknown(value)) return value;
  if (typeof value === "string") return [{ type: value === "*" ? "*" : "AWS", value, path: [name] }];
  if (!isPlainObject(value)) return [];
  const out = [];
  for (const [type, raw] of Object.entries(value)) {
    if (isUnknown(raw)) {
      out.push({ type: principalType(type), value: raw, path: [name, type] });
    } else if (typeof raw === "string") {
      out.push({ type: principalType(type), value: raw, path: [name, type] });
    } else if (Array.isArray(raw)) {
      raw.forEach((item, i) => {
        if (typeof item === "string" || isUnknown(item)) {
          out.push({ type: principalType(type), value: item, path: [name, type, i] });
        }
      });
    }
  }
  return out;
}
var PRINCIPAL_TYPES = ["AWS", "Service", "Federated", "CanonicalUser"];
function principalType(type) {
  if (type === "*") return "*";
  return PRINCIPAL_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? type;
}
function blockPrincipals(value, name) {
  if (isUnknown(value)) return value;
  const list = blocks(value);
  if (list.length === 0) return void 0;
  const out = [];
  list.forEach((block, i) => {
    const type = typeof block.type === "string" ? principalType(block.type) : "AWS";
    const identifiers = toLeaves(block.identifiers);
    if (isUnknown(identifiers)) {
      out.push({ type, value: identifiers, path: [name, i, "identifiers"] });
      return;
    }
    identifiers.forEach((identifier, j) => {
      const entryType = type === "*" ? "*" : type;
      out.push({ type: entryType, value: identifier, path: [name, i, "identifiers", j] });
    });
  });
  return out;
}
function jsonConditions(value) {
  if (value === void 0 || value === null) return [];
  if (isUnknown(value)) return value;
  if (!isPlainObject(value)) return [];
  const out = [];
  for (const [operator, clause] of Object.entries(value)) {
    if (isUnknown(clause)) {
      out.push(conditionEntry(operator, "", clause, ["Condition", operator]));
      continue;
    }
    if (!isPlainObject(clause)) continue;
    for (const [key, raw] of Object.entries(clause)) {
      out.push(conditionEntry(operator, key, toLeaves(raw), ["Condition", operator, key]));
    }
  }
  return out;
}
function blockConditions(value) {
  if (isUnknown(value)) return value;
  const out = [];
  blocks(value).forEach((block, i) => {
    const test = block.test;
    const variable = block.variable;
    const operator = typeof test === "string" ? test : "";
    const key = typeof variable === "string" ? variable : "";
    const unknownPart = isUnknown(test) ? test : isUnknown(variable) ? variable : void 0;
    out.push(conditionEntry(operator, key, unknownPart ?? toLeaves(block.values), ["condition", i]));
  });
  return out;
}
function conditionEntry(operator, key, values, path) {
  let rest = operator.trim().toLowerCase();
  let set;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix === "forallvalues" || prefix === "foranyvalue") set = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith("ifexists");
  if (ifExists) rest = rest.slice(0, -"ifexists".length);
  const entry = {
    operator,
    base: rest,
    ifExists,
    key,
    keyLower: key.toLowerCase(),
    values,
    path
  };
  if (set) entry.set = set;
  return entry;
}

// action/inventory/aws/iam-permissions.ts
var ADMIN_MANAGED = /* @__PURE__ */ new Set([
  "AdministratorAccess",
  "PowerUserAccess",
  "IAMFullAccess",
  "SystemAdministrator",
  "NetworkAdministrator",
  "DatabaseAdministrator"
]);
var ESCALATING_MANAGED = /* @__PURE__ */ new Set(["AdministratorAccess", "IAMFullAccess"]);
var OPERATIONAL_MANAGED = /* @__PURE__ */ new Set([
  "AWSLambdaBasicExecutionRole",
  "AWSLambdaVPCAccessExecutionRole",
  "AWSXRayDaemonWriteAccess",
  "AWSXrayWriteOnlyAccess",
  "CloudWatchLambdaInsightsExecutionRolePolicy",
  "AmazonECSTaskExecutionRolePolicy",
  "AmazonEC2ContainerRegistryReadOnly"
]);
var CONTEXT_KEY = /^(aws:(principaltag|resourcetag|requesttag)\/|[\w-]+:resourcetag\/|aws:sourceidentity$|sts:sourceidentity$)/;
var CONTEXT_VARIABLE = /\$\{aws:(principaltag\/|sourceidentity\}|userid\}|username\})/i;
function analysePermissions(policies, options = {}) {
  const facts2 = {
    broadGrants: [],
    escalationGrants: [],
    hasContextConditions: true,
    tenantIssues: [],
    contextUnknown: [],
    contextMissing: false
  };
  const tenantKeys = options.tenantKeys?.map((key) => key.toLowerCase());
  for (const policy of policies) {
    if (policy.managedArn !== void 0) {
      managedPolicy(policy, policy.managedArn, facts2, tenantKeys);
      continue;
    }
    if (policy.document === void 0) {
      const unknown = policy.unknown ?? unknownValue([]);
      const detail = policy.problem ?? "policy is only known after apply";
      facts2.broadGrants.push(unknownEvidence2(policy.address, policy.attribute, detail, unknown));
      if (tenantKeys)
        facts2.tenantIssues.push(unknownEvidence2(policy.address, policy.attribute, detail, unknown));
      facts2.contextUnknown.push(unknown);
      continue;
    }
    for (const statement of policy.document.statements) {
      analyseStatement(policy, statement, facts2, tenantKeys);
    }
  }
  let hasContextConditions = true;
  if (facts2.contextMissing) hasContextConditions = false;
  else if (facts2.contextUnknown.length > 0) hasContextConditions = mergeUnknown(facts2.contextUnknown);
  return {
    broadGrants: facts2.broadGrants,
    escalationGrants: facts2.escalationGrants,
    hasContextConditions,
    tenantIssues: facts2.tenantIssues
  };
}
function managedPolicy(policy, arn, facts2, tenantKeys) {
  const name = parsePolicyArn(arn)?.name ?? arn;
  const at = { address: policy.address, attribute: policy.attribute };
  if (ADMIN_MANAGED.has(name)) {
    facts2.broadGrants.push({ ...at, detail: `AWS managed policy ${name} grants administrative access` });
  } else if (name.endsWith("FullAccess")) {
    facts2.broadGrants.push({
      ...at,
      detail: `AWS managed policy ${name} grants every action of its service`
    });
  }
  if (ESCALATING_MANAGED.has(name)) {
    facts2.escalationGrants.push({
      ...at,
      detail: `AWS managed policy ${name} grants IAM write actions (iam:PassRole, iam:AttachRolePolicy, ...)`
    });
  }
  const readOnly = /ReadOnly|ViewOnly/.test(name);
  if (!readOnly && !OPERATIONAL_MANAGED.has(name)) {
    facts2.contextMissing = true;
    if (tenantKeys) {
      facts2.tenantIssues.push({
        ...at,
        detail: `AWS managed policy ${name} grants access not scoped by tenant`
      });
    }
  }
}
function analyseStatement(policy, statement, facts2, tenantKeys) {
  const effect = statement.effect;
  if (typeof effect === "string" && effect !== "Allow") return;
  const effectUnknown = isUnknown(effect) ? effect : void 0;
  const where = (key) => formatPath([...policy.basePath, ...statementPath(statement, key)]);
  const label = statement.sid ? `statement "${statement.sid}"` : "statement";
  const push2 = (list, key, detail, unknown) => {
    const marker = unknown ?? effectUnknown;
    const attribute2 = where(key);
    list.push(
      marker ? unknownEvidence2(policy.address, attribute2, detail, marker) : { address: policy.address, attribute: attribute2, detail }
    );
  };
  const actions = literals(statement.action);
  const actionUnknown = unknownLeaves(statement.action)[0];
  const notActions = statement.notAction;
  const hasNotAction = notActions !== void 0;
  const resources = literals(statement.resource);
  const hasNotResource = statement.notResource !== void 0;
  const resourceUnknown = unknownLeaves(statement.resource).find((leaf) => leaf.refs.length === 0);
  const onAll = hasNotResource || resources.some(isAllResources);
  const actionKey = hasNotAction ? "NotAction" : "Action";
  const all = actions.filter(isAllActions);
  const services = actions.filter((action) => !isAllActions(action) && isServiceWildcard(action));
  if (all.length > 0) {
    push2(facts2.broadGrants, "Action", `${label} allows every action ("*")`);
  } else if (services.length > 0) {
    push2(facts2.broadGrants, "Action", `${label} allows every action of a service (${quoteList(services)})`);
  }
  if (hasNotAction) {
    push2(facts2.broadGrants, "NotAction", `${label} allows every action except the ones listed in NotAction`);
  }
  if (hasNotResource) {
    push2(
      facts2.broadGrants,
      "NotResource",
      `${label} allows its actions on every resource except the ones listed in NotResource`
    );
  }
  const writes = actions.filter(
    (action) => !isAllActions(action) && !isServiceWildcard(action) && !isReadAction(action) && !isResourceless(action)
  );
  if (writes.length > 0 && !hasNotResource) {
    if (resources.some(isAllResources)) {
      push2(
        facts2.broadGrants,
        "Resource",
        `${label} allows write actions on every resource ("*"): ${quoteList(writes)}`
      );
    } else if (resourceUnknown) {
      push2(
        facts2.broadGrants,
        "Resource",
        `${label} allows write actions on resources known only after apply`,
        resourceUnknown
      );
    }
  }
  if (actionUnknown && all.length === 0 && !hasNotAction) {
    push2(facts2.broadGrants, "Action", `${label} has actions known only after apply`, actionUnknown);
  }
  const grants = (action) => hasNotAction ? !literals(notActions).some((pattern) => actionMatches(pattern, action)) : actions.some((pattern) => actionMatches(pattern, action));
  const escalations = ESCALATION_ACTIONS.filter(
    ({ action, onAnyResource }) => grants(action) && (!onAnyResource || onAll)
  ).map(({ action, onAnyResource }) => onAnyResource ? `${action} on every resource` : action);
  if (escalations.length > 0) {
    const shown = escalations.length > 4 ? [...escalations.slice(0, 4), `and ${escalations.length - 4} more`] : escalations;
    push2(facts2.escalationGrants, actionKey, `${label} allows privilege escalation: ${shown.join(", ")}`);
  } else if (actionUnknown || hasNotAction && unknownLeaves(notActions).length > 0) {
    push2(
      facts2.escalationGrants,
      actionKey,
      `${label} has actions known only after apply`,
      actionUnknown ?? unknownLeaves(notActions)[0]
    );
  }
  const dataWrites = hasNotAction || actions.some((action) => !isReadAction(action) && !isResourceless(action) && !isTelemetry(action));
  if (dataWrites || actionUnknown) {
    const context = contextBound(statement);
    if (context === false) {
      if (effectUnknown) facts2.contextUnknown.push(effectUnknown);
      else if (!dataWrites && actionUnknown) facts2.contextUnknown.push(actionUnknown);
      else facts2.contextMissing = true;
    } else if (context !== true) facts2.contextUnknown.push(context);
  }
  if (tenantKeys) {
    const onlyOperational = !hasNotAction && actions.length > 0 && actions.every((action) => isResourceless(action) || isTelemetry(action));
    if (!onlyOperational) {
      const scoped = tenantScoped(statement, tenantKeys);
      const key = statement.resource !== void 0 ? "Resource" : hasNotResource ? "NotResource" : actionKey;
      const tags = tenantKeys.map((tag) => `\${aws:PrincipalTag/${tag}}`).join(" or ");
      if (scoped === false) {
        push2(
          facts2.tenantIssues,
          key,
          `${label} is not scoped by tenant: no ${tags} in its Resource or Condition`
        );
      } else if (scoped !== true) {
        push2(facts2.tenantIssues, key, `${label} has a Condition known only after apply`, scoped);
      }
    }
  }
}
function contextBound(statement) {
  if (literals(statement.resource).some((resource) => CONTEXT_VARIABLE.test(resource))) return true;
  for (const entry of conditionEntries(statement)) {
    if (CONTEXT_KEY.test(entry.keyLower)) return true;
    if (literals(entry.values).some((value) => CONTEXT_VARIABLE.test(value))) return true;
  }
  if (isUnknown(statement.condition)) return statement.condition;
  return false;
}
function tenantScoped(statement, tenantKeys) {
  const variables = tenantKeys.map((key) => `\${aws:principaltag/${key}}`);
  const mentions = (leaves) => literals(leaves).some((value) => variables.some((variable) => value.toLowerCase().includes(variable)));
  if (mentions(statement.resource) || mentions(statement.notResource)) return true;
  for (const entry of conditionEntries(statement)) {
    if (tenantKeys.some((key) => entry.keyLower === `aws:principaltag/${key}`)) return true;
    if (mentions(entry.values)) return true;
  }
  if (isUnknown(statement.condition)) return statement.condition;
  return false;
}
function unknownEvidence2(address, attribute2, detail, unknown) {
  return { address, attribute: attribute2, detail, $unknown: true, refs: unknown.refs };
}
function mergeUnknown(markers) {
  const refs = [...new Set(markers.flatMap((marker) => marker.refs))];
  return unknownValue(refs);
}
function quoteList(items) {
  const shown = items.length > 6 ? [...items.slice(0, 6)] : items;
  const text = shown.map((item) => `"${item}"`).join(", ");
  return items.length > 6 ? `${text} and ${items.length - 6} more` : text;
}

// action/inventory/aws/role-policies.ts
init_record();
function permissionPolicies(index, identity) {
  if (identity.type === "aws_iam_role") return rolePolicies(index, identity);
  if (identity.type === "aws_iam_user") return userPolicies(index, identity);
  return [];
}
function rolePolicies(index, role) {
  const out = [];
  const referring = (type, attribute2) => recordsReferring(index, type, attribute2, "aws_iam_role", role.address);
  blocks(role.values.inline_policy).forEach((block, i) => {
    out.push(...policyValue(index, role.address, ["inline_policy", i, "policy"], block.policy));
  });
  eachElement(role.values.managed_policy_arns, (arn, path) => {
    out.push(...policyArn(index, role.address, ["managed_policy_arns", ...path], arn));
  });
  for (const record2 of referring("aws_iam_role_policy", "role")) {
    out.push(...policyValue(index, record2.address, ["policy"], record2.values.policy));
  }
  for (const record2 of referring("aws_iam_role_policy_attachment", "role")) {
    out.push(...policyArn(index, record2.address, ["policy_arn"], record2.values.policy_arn));
  }
  for (const record2 of referring("aws_iam_role_policy_attachments_exclusive", "role_name")) {
    eachElement(record2.values.policy_arns, (arn, path) => {
      out.push(...policyArn(index, record2.address, ["policy_arns", ...path], arn));
    });
  }
  for (const record2 of referring("aws_iam_policy_attachment", "roles")) {
    out.push(...policyArn(index, record2.address, ["policy_arn"], record2.values.policy_arn));
  }
  return dedupe(out);
}
function userPolicies(index, user) {
  const out = [];
  const referring = (type, attribute2) => recordsReferring(index, type, attribute2, "aws_iam_user", user.address);
  for (const record2 of referring("aws_iam_user_policy", "user")) {
    out.push(...policyValue(index, record2.address, ["policy"], record2.values.policy));
  }
  for (const record2 of referring("aws_iam_user_policy_attachment", "user")) {
    out.push(...policyArn(index, record2.address, ["policy_arn"], record2.values.policy_arn));
  }
  for (const record2 of referring("aws_iam_policy_attachment", "users")) {
    out.push(...policyArn(index, record2.address, ["policy_arn"], record2.values.policy_arn));
  }
  const groups = [];
  for (const record2 of referring("aws_iam_user_group_membership", "user")) {
    eachElement(record2.values.groups, (group) => groups.push(group));
  }
  for (const record2 of referring("aws_iam_group_membership", "users")) groups.push(record2.values.group);
  if (groups.length === 0) return dedupe(out);
  const groupAddresses = /* @__PURE__ */ new Set();
  const groupNames = /* @__PURE__ */ new Set();
  for (const group of new Set(groups)) {
    const resolved = resolveRefs(index, group, "aws_iam_group");
    for (const address of resolved) groupAddresses.add(address);
    if (resolved.length === 0 && typeof group === "string" && group !== "") groupNames.add(group);
  }
  const groupRecords = (type, attribute2) => {
    const found = /* @__PURE__ */ new Set();
    for (const address of groupAddresses) {
      for (const record2 of recordsReferring(index, type, attribute2, "aws_iam_group", address))
        found.add(record2);
    }
    if (groupNames.size > 0) {
      for (const record2 of managed(index, type)) {
        const value = record2.values[attribute2];
        if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && groupNames.has(v))) {
          found.add(record2);
        }
      }
    }
    return [...found];
  };
  for (const record2 of groupRecords("aws_iam_group_policy", "group")) {
    out.push(...policyValue(index, record2.address, ["policy"], record2.values.policy));
  }
  for (const record2 of groupRecords("aws_iam_group_policy_attachment", "group")) {
    out.push(...policyArn(index, record2.address, ["policy_arn"], record2.values.policy_arn));
  }
  for (const record2 of groupRecords("aws_iam_policy_attachment", "groups")) {
    out.push(...policyArn(index, record2.address, ["policy_arn"], record2.values.policy_arn));
  }
  return dedupe(out);
}
function policyValue(index, address, path, value, via, depth = 0) {
  const base = { address, attribute: formatPath(path), basePath: path, ...via ? { via } : {} };
  const read = readPolicyDocument(value);
  switch (read.kind) {
    case "absent":
      return [];
    case "document":
      return [{ ...base, document: read.document }];
    case "invalid":
      return [{ ...base, unknown: unknownValue([]), problem: read.reason }];
    case "unknown":
      break;
  }
  const unknown = read.value;
  if (depth < 4) {
    const followed = [];
    for (const record2 of lookupRefs(index, unknown.refs, "aws_iam_policy_document")) {
      followed.push(...policyDocumentData(index, record2, via ?? address, depth + 1));
    }
    if (followed.length === 0) {
      for (const record2 of lookupRefs(index, unknown.refs, "aws_iam_policy")) {
        followed.push(...policyRecord(index, record2, via ?? address, depth + 1));
      }
    }
    if (followed.length > 0) return followed;
  }
  return [{ ...base, unknown }];
}
function policyArn(index, address, path, value) {
  const base = { address, attribute: formatPath(path), basePath: path };
  if (value === void 0 || value === null || value === "") return [];
  if (isUnknown(value)) {
    const records = lookupRefs(index, value.refs, "aws_iam_policy");
    if (records.length === 0) return [{ ...base, unknown: value }];
    return records.flatMap((record2) => policyRecord(index, record2, address, 0));
  }
  if (typeof value !== "string") return [];
  const parsed = parsePolicyArn(value);
  if (parsed?.account === "aws") return [{ ...base, managedArn: value }];
  const found = resolveRefs(index, value, "aws_iam_policy").map((ref) => index.byAddress.get(ref)).filter((record2) => record2 !== void 0);
  if (found.length === 0) {
    return [{ ...base, unknown: unknownValue([], value), problem: `policy ${value} is not in the plan` }];
  }
  return found.flatMap((record2) => policyRecord(index, record2, address, 0));
}
function policyRecord(index, record2, via, depth) {
  const { policy, arn } = record2.values;
  if (record2.mode === "data" && (policy === void 0 || policy === null || isUnknown(policy))) {
    if (typeof arn === "string" && parsePolicyArn(arn)?.account === "aws") {
      return [{ address: record2.address, attribute: "arn", basePath: ["arn"], via, managedArn: arn }];
    }
  }
  const found = policyValue(index, record2.address, ["policy"], policy, via, depth);
  if (found.length > 0) return found;
  return [
    {
      address: record2.address,
      attribute: "policy",
      basePath: ["policy"],
      via,
      unknown: unknownValue([record2.address]),
      problem: "policy document is empty"
    }
  ];
}
function policyDocumentData(index, record2, via, depth = 0) {
  const viaPart = via && via !== record2.address ? { via } : {};
  const json = readPolicyDocument(record2.values.json);
  if (json.kind === "document") {
    return [
      { address: record2.address, attribute: "json", basePath: ["json"], ...viaPart, document: json.document }
    ];
  }
  const out = [];
  const fromBlocks = documentFromStatementBlocks(record2.values);
  if (fromBlocks.statements.length > 0) {
    out.push({
      address: record2.address,
      attribute: "statement",
      basePath: [],
      ...viaPart,
      document: fromBlocks
    });
  }
  for (const key of [
    "source_policy_documents",
    "override_policy_documents",
    "source_json",
    "override_json"
  ]) {
    eachElement(record2.values[key], (value, path) => {
      out.push(...policyValue(index, record2.address, [key, ...path], value, via, depth + 1));
    });
  }
  if (out.length > 0) return out;
  const unknown = isUnknown(record2.values.json) ? record2.values.json : unknownValue([record2.address]);
  return [{ address: record2.address, attribute: "json", basePath: ["json"], ...viaPart, unknown }];
}
function managed(index, type) {
  return index.byType(type).filter((record2) => record2.mode === "managed");
}
function eachElement(value, fn) {
  if (value === void 0 || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      fn(element, [i]);
    });
  } else fn(value, []);
}
function lookupRefs(index, refs, type) {
  const addresses = resolveRefs(index, unknownValue(refs), type);
  return [...new Set(addresses)].flatMap((address) => index.byAddress.get(address) ?? []);
}
function dedupe(policies) {
  const seen = /* @__PURE__ */ new Set();
  return policies.filter((policy) => {
    const key = `${policy.address}\0${policy.attribute}\0${policy.managedArn ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// action/inventory/aws/detached-policies.ts
var POLICY_HOLDERS = [
  ["aws_iam_policy", "policy"],
  ["aws_iam_role_policy", "policy"],
  ["aws_iam_user_policy", "policy"],
  ["aws_iam_group_policy", "policy"]
];
function awsDetachedPolicies(ctx, used) {
  const out = [];
  const reached = new Set(used);
  for (const type of ["aws_iam_role", "aws_iam_user"]) {
    for (const identity of ctx.index.byType(type)) {
      for (const policy of resolveRefs(ctx.index, identity.values.permissions_boundary, "aws_iam_policy")) {
        reached.add(policy);
      }
    }
  }
  const judge = (record2, applied) => {
    for (const policy of applied) {
      reached.add(policy.address);
      if (policy.via) reached.add(policy.via);
    }
    const { broadGrants, escalationGrants } = analysePermissions(applied);
    out.push({
      ...attributionFields(ctx.attributionOf(record2.address)),
      address: record2.address,
      source: record2.source,
      kind: record2.mode === "data" ? `data.${record2.type}` : record2.type,
      broadGrants,
      escalationGrants
    });
  };
  for (const [type, attribute2] of POLICY_HOLDERS) {
    for (const record2 of ctx.index.byType(type)) {
      if (record2.mode !== "managed" || reached.has(record2.address)) continue;
      judge(record2, policyValue(ctx.index, record2.address, [attribute2], record2.values[attribute2]));
    }
  }
  for (const record2 of ctx.index.byType("aws_iam_policy_document")) {
    if (record2.mode !== "data" || reached.has(record2.address)) continue;
    judge(record2, policyDocumentData(ctx.index, record2));
  }
  return out.filter((policy) => policy.broadGrants.length > 0 || policy.escalationGrants.length > 0);
}

// action/inventory/aws/identities.ts
init_record();

// action/inventory/manifest.ts
init_record();
var MANIFEST_SCHEMA_ID = "mcp-nhi-manifest/v1";
function findManifests(records) {
  const manifests = [];
  for (const record2 of records) {
    if (record2.type !== "terraform_data" || record2.mode !== "managed") continue;
    const input = record2.values.input;
    if (!isPlainObject(input) || input.schema !== MANIFEST_SCHEMA_ID || !Array.isArray(input.servers))
      continue;
    const servers = input.servers.filter(isPlainObject).flatMap((server) => {
      if (typeof server.name !== "string") return [];
      return [
        {
          name: server.name,
          identity: str(server.identity),
          environment: str(server.environment),
          multiTenant: server.multiTenant === true,
          resources: strings(server.resources),
          tools: (Array.isArray(server.tools) ? server.tools : []).filter(isPlainObject).flatMap(
            (tool) => typeof tool.name === "string" ? [
              {
                name: tool.name,
                identity: str(tool.identity),
                sensitive: tool.sensitive === true,
                writeCapable: tool.writeCapable === true,
                scopes: Array.isArray(tool.scopes) ? strings(tool.scopes) : void 0,
                resources: strings(tool.resources)
              }
            ] : []
          )
        }
      ];
    });
    manifests.push({ address: record2.address, servers });
  }
  return manifests;
}
function str(value) {
  return typeof value === "string" && !isUnknown(value) ? value : void 0;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

// action/inventory/aws/iam-trust.ts
init_record();
var RESTRICTING_KEYS = /* @__PURE__ */ new Set([
  "aws:principalarn",
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "sts:externalid"
]);
var PRINCIPAL_KEYS = /^(aws:principalarn|aws:principaltag\/.+|aws:userid|aws:username|aws:sourceidentity|sts:sourceidentity|sts:externalid)$/;
var ACCOUNT_ID = /^\d{12}$/;
var ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}|\*):root$/;
var IAM_ARN = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(user|role|assumed-role|federated-user|group)\/(.*)$/;
var SSO_ROLE = /(^|\/)aws-reserved\/sso\.amazonaws\.com\/|(^|\/)AWSReservedSSO_/;
function analyseTrust(index, role, options = {}) {
  const facts2 = { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const base = ["assume_role_policy"];
  const read = readPolicyDocument(role.values.assume_role_policy);
  if (read.kind === "absent") {
    if (options.tool)
      facts2.trustIssues.push({
        address: role.address,
        attribute: "assume_role_policy",
        detail: "tool role has no trust policy"
      });
    return facts2;
  }
  if (read.kind !== "document") {
    const unknown = read.kind === "unknown" ? read.value : { $unknown: true, refs: [] };
    const detail = read.kind === "invalid" ? `trust ${read.reason}` : "trust policy is only known after apply";
    for (const list of [facts2.trustIssues, facts2.federationIssues, facts2.humanPrincipals]) {
      list.push(unknownEvidence2(role.address, "assume_role_policy", detail, unknown));
    }
    return facts2;
  }
  const statements = read.document.statements.filter(
    (statement) => !(typeof statement.effect === "string" && statement.effect !== "Allow")
  );
  const at = (statement, path) => formatPath([...base, ...statement.path, ...path]);
  const field2 = (statement, key) => formatPath([...base, ...statementPath(statement, key)]);
  const evidence2 = (attribute2, detail, unknown) => unknown ? unknownEvidence2(role.address, attribute2, detail, unknown) : { address: role.address, attribute: attribute2, detail };
  for (const statement of statements) {
    const label = statement.sid ? `trust statement "${statement.sid}"` : "trust statement";
    const conditions = conditionEntries(statement);
    if (isUnknown(statement.principal)) {
      const where = field2(statement, "Principal");
      facts2.trustIssues.push(
        evidence2(where, `${label} names principals known only after apply`, statement.principal)
      );
      facts2.humanPrincipals.push(
        evidence2(where, `${label} names principals known only after apply`, statement.principal)
      );
      continue;
    }
    if (statement.notPrincipal !== void 0) {
      facts2.trustIssues.push(
        evidence2(
          field2(statement, "NotPrincipal"),
          `${label} allows everyone except the principals in NotPrincipal`
        )
      );
    }
    for (const principal of principalEntries(statement.principal)) {
      const where = at(statement, principal.path);
      const issue = principalIssue(index, principal, conditions, options);
      if (issue) facts2.trustIssues.push(evidence2(where, `${label}: ${issue.detail}`, issue.unknown));
      else if (options.tool) {
        const toolIssue = toolPrincipalIssue(index, principal, options.tool);
        if (toolIssue)
          facts2.trustIssues.push(evidence2(where, `${label}: ${toolIssue.detail}`, toolIssue.unknown));
      }
      const human = humanPrincipal(principal);
      if (human) facts2.humanPrincipals.push(evidence2(where, `${label} names ${human}`));
    }
    federation(statement, conditions, label, facts2.federationIssues, at, evidence2, index);
  }
  podIdentity(statements, facts2.federationIssues, field2, evidence2);
  if (options.tool) toolSessionControls(role.address, statements, options.tool, index, facts2.trustIssues);
  return facts2;
}
function principalIssue(index, principal, conditions, options) {
  const { type, value } = principal;
  if (type !== "*" && type !== "AWS") return void 0;
  if (isUnknown(value)) {
    if (resolveRole(index, value).length > 0 || value.refs.some((ref) => addressType(ref) === "aws_iam_user")) {
      return void 0;
    }
    if (value.expression && /:root\b/.test(value.expression) && !hasKey(conditions, "sts:externalid")) {
      return {
        detail: `trusts an account root (${value.expression}) without sts:ExternalId`,
        unknown: value
      };
    }
    return void 0;
  }
  if (value === "*" || rootAccount(value) === "*") {
    if (conditions.some(
      (entry) => RESTRICTING_KEYS.has(entry.keyLower) && requires(entry) && !onlyWildcards(entry)
    )) {
      return void 0;
    }
    return {
      detail: 'trusts every AWS principal ("*") without a condition on aws:PrincipalArn, aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or sts:ExternalId'
    };
  }
  const account = rootAccount(value);
  if (account !== void 0) {
    const own = options.accounts?.has(account) === true;
    if (own) {
      if (conditions.some((entry) => PRINCIPAL_KEYS.test(entry.keyLower) && requires(entry)))
        return void 0;
      return {
        detail: `trusts every principal of account ${account} (account root) without a condition naming which`
      };
    }
    if (hasKey(conditions, "sts:externalid")) return void 0;
    return {
      detail: conditions.length === 0 ? `trusts account ${account} (account root) without conditions or sts:ExternalId` : `trusts account ${account} (account root) without sts:ExternalId`
    };
  }
  const arn = IAM_ARN.exec(value);
  if (arn && options.accounts && options.accounts.size > 0 && !options.accounts.has(arn[1])) {
    if (!hasKey(conditions, "sts:externalid")) {
      return { detail: `trusts ${value} of another account without sts:ExternalId` };
    }
  }
  return void 0;
}
function toolPrincipalIssue(index, principal, tool) {
  const { type, value } = principal;
  const shown = isUnknown(value) ? value.expression ?? value.refs.join(", ") : value;
  if (type !== "AWS") {
    return {
      detail: `tool role trusts ${type === "*" ? '"*"' : `${type} principal ${shown}`}; only its server's identity may assume it`
    };
  }
  const roles = resolveRole(index, value);
  if (roles.some((role) => tool.serverIdentities.includes(role))) return void 0;
  const other = roles.find((role) => tool.otherServerIdentities.has(role));
  if (other) return { detail: `tool role trusts ${other}, the identity of another MCP server` };
  if (tool.serverIdentities.length === 0) {
    if (roles.length > 0 || isUnknown(value)) return void 0;
    return { detail: `tool role trusts ${shown}, which is not an MCP server identity in this plan` };
  }
  if (roles.length > 0) return { detail: `tool role trusts ${roles.join(", ")}, not its server's identity` };
  if (isUnknown(value)) {
    return { detail: `tool role trusts a principal known only after apply (${shown})`, unknown: value };
  }
  return { detail: `tool role trusts ${shown}, not its server's identity` };
}
function humanPrincipal(principal) {
  const { type, value } = principal;
  if (isUnknown(value)) {
    const user = value.refs.find((ref) => addressType(ref) === "aws_iam_user");
    if (user) return `the IAM user ${user}`;
    const saml = value.refs.find((ref) => addressType(ref) === "aws_iam_saml_provider");
    if (saml) return `the SAML provider ${saml}`;
    if (type === "AWS" && value.expression && /:root\b/.test(value.expression)) {
      return `an account root (${value.expression})`;
    }
    return void 0;
  }
  if (type === "Federated")
    return value.includes(":saml-provider/") ? `the SAML provider ${value}` : void 0;
  if (type !== "AWS") return void 0;
  const account = rootAccount(value);
  if (account !== void 0) return `the account root of ${account}, which includes its users`;
  const arn = IAM_ARN.exec(value);
  if (!arn) return void 0;
  const kind = arn[2];
  if (kind === "user") return `the IAM user ${value}`;
  if (kind === "federated-user") return `the federated user ${value}`;
  if ((kind === "role" || kind === "assumed-role") && SSO_ROLE.test(arn[3])) return `the SSO role ${value}`;
  return void 0;
}
function federation(statement, conditions, label, out, at, evidence2, index) {
  const federated = principalEntries(statement.principal).filter(
    (principal) => principal.type === "Federated" && !(typeof principal.value === "string" && principal.value.includes(":saml-provider/")) && !(isUnknown(principal.value) && principal.value.refs.some((ref) => addressType(ref) === "aws_iam_saml_provider"))
  );
  if (federated.length === 0) return;
  const actions = literals(statement.action);
  const webIdentity = actions.some((action) => actionMatches(action, "sts:AssumeRoleWithWebIdentity")) || unknownLeaves(statement.action).length > 0;
  if (!webIdentity) return;
  const issuers = federated.map((principal) => issuerOf(index, principal.value)).filter((x) => !!x);
  const keyed = (suffix) => conditions.filter(
    (entry) => entry.keyLower.endsWith(suffix) && (issuers.length === 0 || issuers.some((issuer) => entry.keyLower === `${issuer.toLowerCase()}${suffix}`))
  );
  const where = at(statement, [statement.fields.Condition]);
  const issuerText = issuers[0] ?? "<issuer>";
  if (isUnknown(statement.condition)) {
    out.push(
      evidence2(where, `${label}: web identity conditions are known only after apply`, statement.condition)
    );
    return;
  }
  for (const suffix of [":sub", ":aud"]) {
    const entries = keyed(suffix);
    if (entries.length === 0) {
      out.push(evidence2(where, `${label}: web identity trust has no condition on ${issuerText}${suffix}`));
      continue;
    }
    if (entries.some(exact)) continue;
    const unknown = entries.flatMap((entry2) => unknownLeaves(entry2.values))[0];
    if (unknown) {
      out.push(
        evidence2(
          where,
          `${label}: ${issuerText}${suffix} is compared with a value known only after apply`,
          unknown
        )
      );
      continue;
    }
    const entry = entries[0];
    const values = literals(entry.values);
    const wildcard = values.find((value) => /[*?]/.test(value));
    out.push(
      evidence2(
        at(statement, entry.path),
        wildcard !== void 0 ? `${label}: ${entry.key} matches a wildcard (${JSON.stringify(wildcard)}) with ${entry.operator}; use StringEquals with exact values` : `${label}: ${entry.key} is not bound with StringEquals (${entry.operator})`
      )
    );
  }
}
function podIdentity(statements, out, field2, evidence2) {
  const pods = statements.filter(
    (statement) => principalEntries(statement.principal).some(
      (principal) => principal.type === "Service" && principal.value === "pods.eks.amazonaws.com"
    )
  );
  if (pods.length === 0) return;
  if (pods.some(
    (statement) => literals(statement.action).some((action) => actionMatches(action, "sts:TagSession"))
  )) {
    return;
  }
  const unknown = pods.flatMap((statement) => unknownLeaves(statement.action))[0];
  out.push(
    evidence2(
      field2(pods[0], "Action"),
      unknown ? "EKS Pod Identity trust: actions are known only after apply" : "EKS Pod Identity trust does not allow sts:TagSession, so sessions carry no pod tags",
      unknown
    )
  );
}
function toolSessionControls(address, statements, tool, index, out) {
  const fromServer = statements.filter(
    (statement) => principalEntries(statement.principal).some(
      (principal) => principal.type === "AWS" && resolveRole(index, principal.value).some((role) => tool.serverIdentities.includes(role))
    )
  );
  const relevant = fromServer.length > 0 ? fromServer : statements;
  const attribute2 = "assume_role_policy";
  const grants = (action) => relevant.some(
    (statement) => literals(statement.action).some((pattern) => actionMatches(pattern, action))
  );
  const unknownActions = relevant.flatMap((statement) => unknownLeaves(statement.action))[0];
  const entries = relevant.flatMap((statement) => conditionEntries(statement));
  const unknownCondition = relevant.map((statement) => statement.condition).find(isUnknown);
  const report = (detail, unknown) => out.push(unknown ? unknownEvidence2(address, attribute2, detail, unknown) : { address, attribute: attribute2, detail });
  if (!grants("sts:TagSession")) {
    report(
      "tool role trust does not allow sts:TagSession, so its server cannot pass session tags",
      unknownActions
    );
  }
  if (!entries.some((entry) => entry.keyLower.startsWith("aws:requesttag/") && requires(entry))) {
    report(
      "tool role trust does not require a session tag (aws:RequestTag/...) from its server",
      unknownCondition
    );
  }
  if (!entries.some((entry) => /^(sts|aws):sourceidentity$/.test(entry.keyLower) && requires(entry))) {
    report(
      "tool role trust does not require a source identity (sts:SourceIdentity) from its server",
      unknownCondition
    );
  }
}
function requires(entry) {
  if (entry.ifExists) return false;
  if (entry.set === "forallvalues") return false;
  if (entry.base === "null") return literals(entry.values).some((value) => value.toLowerCase() === "false");
  return true;
}
function exact(entry) {
  if (!requires(entry)) return false;
  if (isUnknown(entry.values) || unknownLeaves(entry.values).length > 0) return false;
  const values = literals(entry.values);
  if (values.length === 0) return false;
  if (entry.base === "stringequals") return true;
  if (entry.base === "stringlike") return values.every((value) => !/[*?]/.test(value));
  return false;
}
function onlyWildcards(entry) {
  const values = literals(entry.values);
  return values.length > 0 && values.every((value) => value === "*");
}
function hasKey(conditions, key) {
  return conditions.some((entry) => entry.keyLower === key && requires(entry) && !onlyWildcards(entry));
}
function rootAccount(value) {
  if (ACCOUNT_ID.test(value)) return value;
  return ROOT_ARN.exec(value)?.[1];
}
function issuerOf(index, value) {
  if (typeof value === "string") {
    const match = /:oidc-provider\/(.+)$/.exec(value);
    return match ? match[1] : value;
  }
  for (const ref of value.refs) {
    if (addressType(ref) !== "aws_iam_openid_connect_provider") continue;
    const url = index.byAddress.get(ref)?.values.url;
    if (typeof url === "string") return url.replace(/^https:\/\//i, "").replace(/\/$/, "");
  }
  return void 0;
}

// action/inventory/aws/identities.ts
var DEFAULT_MAX_SESSION_SECONDS = 3600;
var TENANT_SESSION_TAG = "tenant";
var ROLE_CONSUMERS = [
  ["aws_lambda_function", ["role"]],
  ["aws_ecs_task_definition", ["task_role_arn", "execution_role_arn"]],
  ["aws_eks_pod_identity_association", ["role_arn"]]
];
function awsIdentities(ctx, usedPolicies) {
  const toolsByIdentity = /* @__PURE__ */ new Map();
  const serversByIdentity = /* @__PURE__ */ new Map();
  for (const server of ctx.servers) {
    if (server.identity !== void 0) push(serversByIdentity, server.identity, server.name);
    for (const tool of server.tools)
      for (const identity of tool.identities) push(toolsByIdentity, identity, tool);
  }
  const declarations = {
    accounts: callerAccounts(ctx),
    manifests: findManifests(ctx.index.all),
    toolsByIdentity,
    serversByIdentity,
    serverByName: new Map(ctx.servers.map((server) => [server.name, server])),
    usedPolicies
  };
  const out = [];
  for (const type of ["aws_iam_role", "aws_iam_user"]) {
    for (const record2 of ctx.index.byType(type)) {
      if (record2.mode !== "managed") continue;
      out.push(identityFacts(ctx, record2, type, declarations));
    }
  }
  return out;
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function identityFacts(ctx, record2, kind, declarations) {
  const { accounts, manifests } = declarations;
  const { address, values } = record2;
  const attribution = ctx.attributionOf(address);
  const declaredTools = declarations.toolsByIdentity.get(address) ?? [];
  const tools = distinct([...declaredTools.map((tool) => tool.name), attribution.tool]);
  const servers = distinct([
    ...declarations.serversByIdentity.get(address) ?? [],
    ...declaredTools.map((tool) => tool.server),
    attribution.server
  ]);
  const tags = readTags(record2);
  const names = ctx.policy.tags;
  const toolTag = tagValue(tags, names.tool);
  const isTool = declaredTools.length > 0 || attribution.tool !== void 0;
  const toolServers = distinct([
    ...declaredTools.map((tool) => tool.server),
    attribution.tool !== void 0 ? attribution.server : void 0
  ]).flatMap((name) => declarations.serverByName.get(name) ?? []);
  const perTenant = attribution.tenant !== void 0 || typeof tagValue(tags, names.tenant) === "string";
  const tenantScoped2 = isTool && !perTenant && toolServers.some((server) => server.multiTenant);
  const applied = permissionPolicies(ctx.index, record2);
  if (declarations.usedPolicies) {
    for (const policy of applied) {
      declarations.usedPolicies.add(policy.address);
      if (policy.via) declarations.usedPolicies.add(policy.via);
    }
  }
  const permissions = analysePermissions(applied, {
    ...tenantScoped2 ? { tenantKeys: distinct([TENANT_SESSION_TAG, names.tenant]) } : {}
  });
  const trustOptions = {
    accounts,
    ...isTool ? {
      tool: {
        serverIdentities: distinct(toolServers.map((server) => server.identity)),
        otherServerIdentities: otherServerIdentities(declarations, toolServers, address)
      }
    } : {}
  };
  const trust = kind === "aws_iam_role" ? analyseTrust(ctx.index, record2, trustOptions) : { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const owner = tagFact(tagValue(tags, names.owner));
  const reviewBy = tagFact(tagValue(tags, names.reviewBy));
  return {
    ...attributionFields(attribution),
    address,
    source: record2.source,
    at: {
      name: "name",
      maxSessionSeconds: "max_session_duration",
      hasPermissionsBoundary: "permissions_boundary",
      trustIssues: "assume_role_policy",
      owner: formatPath(["tags", names.owner]),
      reviewBy: formatPath(["tags", names.reviewBy]),
      reviewOverdue: formatPath(["tags", names.reviewBy]),
      missingTags: "tags"
    },
    kind,
    name: nameFact(record2),
    tools,
    servers,
    maxSessionSeconds: kind === "aws_iam_role" ? sessionFact(values.max_session_duration) : null,
    federationIssues: trust.federationIssues,
    broadGrants: permissions.broadGrants,
    escalationGrants: permissions.escalationGrants,
    hasPermissionsBoundary: boundaryFact(ctx, values.permissions_boundary),
    trustIssues: trust.trustIssues,
    tenantIssues: permissions.tenantIssues,
    humanPrincipals: trust.humanPrincipals,
    environments: environments(ctx, record2),
    owner,
    reviewBy,
    reviewOverdue: overdue(reviewBy, ctx.today),
    missingTags: missingTags(tags, ctx.parameters.requiredTags),
    sensitive: declaredTools.some((tool) => tool.sensitive || tool.writeCapable),
    hasContextConditions: permissions.hasContextConditions,
    orphan: isOrphan(ctx, manifests, attribution, toolTag, tagValue(tags, names.server), declaredTools)
  };
}
function isOrphan(ctx, manifests, attribution, toolTag, serverTag, declaredTools) {
  const tool = attribution.tool ?? (typeof toolTag === "string" && toolTag !== "" ? toolTag : void 0);
  if (tool === void 0) return false;
  const server = attribution.server ?? (typeof serverTag === "string" && serverTag !== "" ? serverTag : void 0);
  if (server === void 0) return declaredTools.length === 0;
  const inManifest = manifests.flatMap((manifest) => manifest.servers).filter((s) => s.name === server);
  if (inManifest.length > 0) return !inManifest.some((s) => s.tools.some((t) => t.name === tool));
  const inPolicy = ctx.policy.servers.filter((s) => s.name === server);
  if (inPolicy.length > 0) return !inPolicy.some((s) => s.tools.some((t) => t.name === tool));
  return declaredTools.length === 0;
}
function otherServerIdentities(declarations, own, address) {
  const ownIdentities = new Set(own.map((server) => server.identity));
  const all = declarations.serversByIdentity;
  return {
    has: (identity) => identity !== address && all.has(identity) && !ownIdentities.has(identity)
  };
}
function nameFact(record2) {
  const name = record2.values.name;
  if (typeof name === "string" && name !== "") return name;
  if (isUnknown(name)) return name;
  return unknownValue([record2.address], `${record2.address}.name`);
}
function sessionFact(value) {
  if (isUnknown(value)) return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return DEFAULT_MAX_SESSION_SECONDS;
}
function boundaryFact(ctx, value) {
  if (typeof value === "string") return value.trim() !== "";
  if (isUnknown(value)) {
    if (resolveRefs(ctx.index, value, "aws_iam_policy").length > 0) return true;
    return value;
  }
  return false;
}
function tagFact(value) {
  if (value === void 0) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  return value;
}
function missingTags(tags, required) {
  if (!Array.isArray(required) || required.length === 0) return [];
  if (isUnknown(tags)) return tags;
  return required.filter(
    (key) => typeof key === "string" && (tags[key] === void 0 || tags[key] === "")
  );
}
function overdue(reviewBy, today) {
  if (reviewBy === null) return false;
  if (isUnknown(reviewBy)) return reviewBy;
  const date = reviewBy.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return true;
  return date < today;
}
function environments(ctx, record2) {
  const found = [ctx.environmentOf(record2.address)];
  if (record2.type === "aws_iam_role") {
    for (const [type, attributes] of ROLE_CONSUMERS) {
      for (const attribute2 of attributes) {
        for (const consumer of recordsReferring(ctx.index, type, attribute2, "aws_iam_role", record2.address)) {
          found.push(ctx.environmentOf(consumer.address));
        }
      }
    }
  }
  return distinct(found).sort();
}
function callerAccounts(ctx) {
  const accounts = /* @__PURE__ */ new Set();
  for (const record2 of ctx.index.byType("aws_caller_identity")) {
    const id = record2.values.account_id;
    if (typeof id === "string" && /^\d{12}$/.test(id)) accounts.add(id);
  }
  return accounts;
}
function distinct(values) {
  return [...new Set(values.filter((value) => value !== void 0 && value !== ""))];
}

// action/inventory/aws/secrets.ts
init_record();

// action/inventory/secret-shapes.ts
import { createHash } from "node:crypto";
var STRONG_SEGMENTS = /* @__PURE__ */ new Set([
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASSPHRASE",
  "SECRET",
  "SECRETS",
  "CREDENTIAL",
  "CREDENTIALS",
  "CREDS",
  "TOKEN",
  "TOKENS",
  "APIKEY",
  "PRIVATEKEY",
  "ACCESSKEY",
  "SECRETKEY",
  "AUTHTOKEN",
  "ACCESSTOKEN",
  "REFRESHTOKEN",
  "BEARERTOKEN",
  "SESSIONTOKEN",
  "CLIENTSECRET"
]);
var STRONG_SUBSTRINGS = /PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL|APIKEY|PRIVATEKEY|ACCESSTOKEN|AUTHTOKEN/;
var STRONG_PAIRS = /* @__PURE__ */ new Set([
  "API KEY",
  "PRIVATE KEY",
  "ACCESS KEY",
  "SECRET KEY",
  "SIGNING KEY",
  "ENCRYPTION KEY",
  "MASTER KEY",
  "BASIC AUTH",
  "AUTH TOKEN",
  "ACCESS TOKEN",
  "CLIENT SECRET"
]);
var WEAK_SEGMENTS = /* @__PURE__ */ new Set(["KEY", "AUTH", "PAT", "PASS", "PWD", "AUTHORIZATION", "BEARER", "DSN"]);
var REFERENCE_SUFFIXES = /* @__PURE__ */ new Set([
  "ARN",
  "ARNS",
  "ID",
  "IDS",
  "NAME",
  "NAMES",
  "PATH",
  "FILE",
  "FILES",
  "DIR",
  "URL",
  "URI",
  "URIS",
  "ENDPOINT",
  "HOST",
  "PORT",
  "HEADER",
  "TYPE",
  "KIND",
  "MODE",
  "ALGORITHM",
  "ALG",
  "LENGTH",
  "LEN",
  "SIZE",
  "TTL",
  "EXPIRY",
  "EXPIRES",
  "EXPIRATION",
  "LIFETIME",
  "TIMEOUT",
  "DURATION",
  "VERSION",
  "REGION",
  "PARAM",
  "PARAMETER",
  "LOCATION",
  "REF",
  "ENABLED",
  "DISABLED",
  "ENABLE",
  "REQUIRED",
  "PREFIX",
  "SUFFIX",
  "FIELD",
  "ISSUER",
  "AUDIENCE",
  "PROVIDER",
  "METHOD",
  "SCHEME",
  "STRATEGY",
  "FORMAT",
  "ENCODING",
  "LIMIT",
  "COUNT",
  "STORE",
  "VAULT",
  "MANAGER",
  "SOURCE",
  "ROTATION",
  "POLICY",
  "ROLE",
  "USER",
  "USERNAME",
  "EMAIL",
  "ACCOUNT",
  "PROJECT",
  "DOMAIN",
  "LABEL",
  "KEYRING",
  "PATTERN",
  "REGEX"
]);
var NON_SECRET_KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "PUBLIC",
  "PRIMARY",
  "PARTITION",
  "SORT",
  "HASH",
  "RANGE",
  "CACHE",
  "OBJECT",
  "S3",
  "BUCKET",
  "LOCK",
  "IDEMPOTENCY",
  "FOREIGN",
  "DEDUP",
  "DEDUPLICATION",
  "GROUP",
  "MESSAGE",
  "KMS",
  "CMK",
  "SEARCH",
  "LOOKUP",
  "SHORTCUT",
  "HOT",
  "MAP"
]);
var TOKEN_QUANTITY_WORDS = /* @__PURE__ */ new Set([
  "MAX",
  "MIN",
  "LIMIT",
  "COUNT",
  "NUM",
  "TOTAL",
  "BUDGET",
  "PER",
  "OUTPUT",
  "INPUT"
]);
var TRAILING_NOISE = /^(?:\d+|V\d+|VALUE|B64|BASE64|ENCODED|RAW|PLAIN|STRING|DATA|JSON|PEM)$/;
var CAMEL_LOWER_UPPER = /([a-z0-9])([A-Z])/g;
var CAMEL_ACRONYM = /([A-Z]+)([A-Z][a-z])/g;
var SEPARATORS = /[^A-Za-z0-9]+/;
function nameSegments(name) {
  return name.replace(CAMEL_ACRONYM, "$1 $2").replace(CAMEL_LOWER_UPPER, "$1 $2").split(SEPARATORS).filter((segment) => segment !== "").map((segment) => segment.toUpperCase()).flatMap((segment) => segment.split(" "));
}
var compiledPatterns = /* @__PURE__ */ new Map();
function compilePattern(source) {
  let compiled2 = compiledPatterns.get(source);
  if (compiled2 === void 0) {
    try {
      compiled2 = new RegExp(source, "i");
    } catch {
      compiled2 = new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    }
    compiledPatterns.set(source, compiled2);
  }
  return compiled2;
}
function isSecretName(name, extraPatterns) {
  if (extraPatterns !== void 0) {
    for (const pattern of extraPatterns) if (compilePattern(pattern).test(name)) return true;
  }
  const segments = nameSegments(name);
  let end = segments.length;
  while (end > 1 && TRAILING_NOISE.test(segments[end - 1])) end--;
  const meaningful = segments.slice(0, end);
  if (meaningful.length === 0) return false;
  const last = meaningful[meaningful.length - 1];
  if (REFERENCE_SUFFIXES.has(last)) return false;
  if (meaningful.length === 1 && (last === "PWD" || last === "OLDPWD")) return false;
  let tokenOnly = true;
  let strong = false;
  for (let i = 0; i < meaningful.length; i++) {
    const segment = meaningful[i];
    const pair = i + 1 < meaningful.length ? `${segment} ${meaningful[i + 1]}` : "";
    if (STRONG_PAIRS.has(pair)) {
      strong = true;
      tokenOnly = false;
    } else if (STRONG_SEGMENTS.has(segment)) {
      strong = true;
      if (segment !== "TOKEN" && segment !== "TOKENS") tokenOnly = false;
    } else if (STRONG_SUBSTRINGS.test(segment)) {
      strong = true;
      tokenOnly = false;
    }
  }
  if (strong) {
    if (tokenOnly && meaningful.some((segment) => TOKEN_QUANTITY_WORDS.has(segment))) return false;
    return true;
  }
  if (!WEAK_SEGMENTS.has(last)) return false;
  if (last === "KEY" && meaningful.slice(0, -1).some((segment) => NON_SECRET_KEY_QUALIFIERS.has(segment))) {
    return false;
  }
  return true;
}
var SHAPES = [
  ["private-key", /-----BEGIN (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/],
  ["aws-access-key-id", /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/],
  [
    "aws-secret-access-key",
    /(?:secret_?access_?key|aws_?secret(?:_?key)?)["']?\s{0,4}[:=]\s{0,4}["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i
  ],
  ["github-token", /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/],
  ["github-fine-grained-pat", /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}/],
  ["slack-token", /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/],
  ["anthropic-api-key", /(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}/],
  ["stripe-secret-key", /(?<![A-Za-z0-9])[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/],
  ["openai-api-key", /(?<![A-Za-z0-9-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/],
  ["google-api-key", /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/],
  ["jwt", /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/],
  // scheme://user:password@host, where the password is not a placeholder (`${DB_PASS}`, `****`).
  [
    "connection-string-password",
    /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@]{1,256}:(?![$%{<*])[^\s/@]{1,256}@[^\s/@]/
  ]
];
var AWS_SECRET_ALONE = /^[A-Za-z0-9/+]{40}$/;
var HAS_DIGIT = /\d/;
var HAS_UPPER = /[A-Z]/;
var HAS_LOWER = /[a-z]/;
function credentialShape(value) {
  if (value.length < 15) return void 0;
  for (const [kind, pattern] of SHAPES) {
    const match = pattern.exec(value);
    if (match === null) continue;
    if (kind === "openai-api-key" && !(HAS_DIGIT.test(match[0]) && HAS_UPPER.test(match[0]))) continue;
    return kind;
  }
  const trimmed = value.trim();
  if (AWS_SECRET_ALONE.test(trimmed) && HAS_UPPER.test(trimmed) && HAS_LOWER.test(trimmed) && HAS_DIGIT.test(trimmed) && shannonEntropy(trimmed) >= 4.3) {
    return "aws-secret-access-key";
  }
  return void 0;
}
function shannonEntropy(value) {
  if (value === "") return 0;
  const counts = /* @__PURE__ */ new Map();
  let total = 0;
  for (const char of value) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    total++;
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}
var TOKEN_CHARSET = /^[A-Za-z0-9+/=_-]{32,}$/;
var HEX_OR_UUID = /^[0-9a-fA-F-]+$/;
function isHighEntropyToken(value) {
  if (!TOKEN_CHARSET.test(value) || HEX_OR_UUID.test(value)) return false;
  if (!(HAS_UPPER.test(value) && HAS_LOWER.test(value) && HAS_DIGIT.test(value))) return false;
  return shannonEntropy(value) >= 4.5;
}
var BOOLEAN_WORDS = /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|null|nil|undefined)$/i;
var SHORT_NUMBER = /^-?\d{1,4}(?:\.\d+)?$/;
var URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/\S*$/;
var ARN = /^arn:aws[\w-]*:/;
var INTERPOLATION = /^\$\{[^}]*\}$|\{\{\s*resolve:|^\$\([^)]*\)$/;
var PARAMETER_PATH = /^\/[\w.-]+(?:\/[\w.-]+)+\/?$/;
var QUERY_PARAM = /[?&]([^=&#\s]{1,64})=([^&#\s]{1,512})/g;
function looksLikeSecretValue(name, value, extraPatterns) {
  const trimmed = value.trim();
  if (trimmed === "") return false;
  if (credentialShape(trimmed) !== void 0) return true;
  if (isHighEntropyToken(trimmed)) return true;
  if (URL_LIKE.test(trimmed)) return urlCarriesSecret(trimmed, extraPatterns);
  if (!isSecretName(name, extraPatterns)) return false;
  return !(BOOLEAN_WORDS.test(trimmed) || SHORT_NUMBER.test(trimmed) || ARN.test(trimmed) || INTERPOLATION.test(trimmed) || PARAMETER_PATH.test(trimmed));
}
function urlCarriesSecret(url, extraPatterns) {
  for (const match of url.matchAll(QUERY_PARAM)) {
    const [, key, val] = match;
    if (key !== void 0 && val !== void 0 && isSecretName(key, extraPatterns) && !INTERPOLATION.test(val)) {
      return true;
    }
  }
  return false;
}
function fingerprint(value) {
  const hash = createHash("sha256").update(value, "utf8").digest("hex").slice(0, 8);
  return `len=${value.length} sha256:${hash}`;
}

// action/inventory/aws/workloads.ts
init_record();
var WORKLOAD_TYPES = [
  "aws_lambda_function",
  "aws_ecs_task_definition",
  "aws_bedrockagentcore_agent_runtime"
];
function awsWorkloads(ctx) {
  const params = runtimeParameters(ctx);
  const out = [];
  for (const type of WORKLOAD_TYPES) {
    for (const record2 of ctx.index.byType(type)) {
      if (record2.mode !== "managed") continue;
      out.push(workloadFacts(ctx, record2, params));
    }
  }
  return out;
}
function workloadIdentities(ctx, record2) {
  const v = record2.values;
  switch (record2.type) {
    case "aws_lambda_function":
      return resolveRole(ctx.index, v.role);
    case "aws_ecs_task_definition":
      return unique([
        ...resolveRole(ctx.index, v.task_role_arn),
        ...resolveRole(ctx.index, v.execution_role_arn)
      ]);
    case "aws_bedrockagentcore_agent_runtime":
      return resolveRole(ctx.index, v.role_arn);
    default:
      return [];
  }
}
function workloadFacts(ctx, record2, params) {
  const identities = workloadIdentities(ctx, record2);
  const env = workloadEnvironment(record2);
  const plaintextSecrets = [];
  for (const entry of env.entries) {
    const found = plaintextSecret(record2.address, entry, params);
    if (found) plaintextSecrets.push(found);
  }
  for (const { path, value } of env.unknown) {
    plaintextSecrets.push(
      unknownEvidence(
        record2.address,
        formatPath(path),
        `environment is known only after apply (${describeUnknown(value)}); literal secrets in it cannot be ruled out`,
        value
      )
    );
  }
  const environment = ctx.environmentOf(record2.address);
  const roleAttribute = ROLE_ATTRIBUTE[record2.type];
  return {
    address: record2.address,
    source: record2.source,
    ...inheritedAttribution(ctx, record2.address, identities),
    kind: record2.type,
    identities,
    plaintextSecrets,
    unpinnedImages: workloadImages(record2).flatMap(
      ({ path, value }) => unpinnedImage(record2.address, formatPath(path), value)
    ),
    ...environment === void 0 ? {} : { environment },
    ...roleAttribute === void 0 ? {} : { at: { identities: roleAttribute } }
  };
}
var ROLE_ATTRIBUTE = {
  aws_lambda_function: "role",
  aws_ecs_task_definition: "task_role_arn",
  aws_bedrockagentcore_agent_runtime: "role_arn"
};
function workloadEnvironment(record2) {
  const entries = [];
  const unknown = [];
  const addMap = (map, path) => {
    if (isUnknown(map)) unknown.push({ path, value: map });
    else if (isPlainObject(map)) {
      for (const [name, value] of Object.entries(map)) entries.push({ name, value, path: [...path, name] });
    }
  };
  const v = record2.values;
  switch (record2.type) {
    case "aws_lambda_function": {
      const block = firstBlock(v.environment);
      if (block) addMap(block.variables, [...blockSegments(v.environment, "environment"), "variables"]);
      else if (isUnknown(v.environment)) unknown.push({ path: ["environment"], value: v.environment });
      break;
    }
    case "aws_bedrockagentcore_agent_runtime":
      addMap(v.environment_variables, ["environment_variables"]);
      break;
    case "aws_ecs_task_definition":
      for (const [index, container] of containerDefinitions(v.container_definitions).entries()) {
        const containerName = typeof container.name === "string" ? container.name : `#${index}`;
        const list = container.environment;
        if (isUnknown(list)) {
          unknown.push({ path: ["container_definitions", index, "environment"], value: list });
          continue;
        }
        for (const [j, item] of blocks(list).entries()) {
          if (typeof item.name !== "string") continue;
          entries.push({
            name: item.name,
            value: item.value,
            path: ["container_definitions", index, "environment", j, "value"],
            container: containerName
          });
        }
      }
      break;
  }
  return { entries, unknown };
}
function containerDefinitions(value) {
  if (typeof value === "string") {
    try {
      return blocks(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return blocks(value);
}
function plaintextSecret(address, entry, params) {
  const attribute2 = formatPath(entry.path);
  const where = entry.container === void 0 ? "" : ` of container ${entry.container}`;
  const { name, value } = entry;
  if (typeof value === "string") {
    const shape = credentialShape(value);
    const allowed = params.allowNames.has(name.toLowerCase());
    let what;
    if (shape !== void 0) what = `a ${shape} credential`;
    else if (!allowed && looksLikeSecretValue(name, value, params.secretNamePatterns)) {
      what = isSecretName(name, params.secretNamePatterns) ? "a literal value under a secret-like name" : isHighEntropyToken(value.trim()) ? "a high-entropy literal" : "a literal value that carries a secret";
    }
    if (what === void 0) return void 0;
    return evidence(
      address,
      attribute2,
      `environment variable ${name}${where} holds ${what} (${fingerprint(value)}); store it in Secrets Manager or SSM Parameter Store and pass only its ARN or name`
    );
  }
  if (!isUnknown(value)) return void 0;
  const secretRef = secretValueReference(value);
  if (secretRef !== void 0) {
    return evidence(
      address,
      attribute2,
      `environment variable ${name}${where} is set from ${secretRef}: the secret value is copied in plain text into the configuration and state; pass the secret's ARN or name and read it at runtime`
    );
  }
  if (params.allowNames.has(name.toLowerCase()) || !isSecretName(name, params.secretNamePatterns))
    return void 0;
  if (value.expression !== void 0 && REFERENCE_ATTRIBUTE.test(value.expression)) return void 0;
  return unknownEvidence(
    address,
    attribute2,
    `environment variable ${name}${where} is set from ${describeUnknown(value)}, known only after apply; if that is a secret value rather than a reference to one, it lands in plain text`,
    value
  );
}
var REFERENCE_ATTRIBUTE = /[._](?:arn|arns|id|ids|name|names|arn_suffix)[\s)}"'\]]*$/;
function workloadImages(record2) {
  const v = record2.values;
  switch (record2.type) {
    case "aws_lambda_function":
      return v.image_uri === null || v.image_uri === void 0 || v.image_uri === "" ? [] : [{ path: ["image_uri"], value: v.image_uri }];
    case "aws_bedrockagentcore_agent_runtime": {
      const out = [];
      const artifact = firstBlock(v.agent_runtime_artifact);
      if (!artifact) return out;
      const artifactPath = blockSegments(v.agent_runtime_artifact, "agent_runtime_artifact");
      const container = firstBlock(artifact.container_configuration);
      if (container && container.container_uri !== void 0 && container.container_uri !== null) {
        out.push({
          path: [
            ...artifactPath,
            ...blockSegments(artifact.container_configuration, "container_configuration"),
            "container_uri"
          ],
          value: container.container_uri
        });
      }
      return out;
    }
    case "aws_ecs_task_definition": {
      if (isUnknown(v.container_definitions))
        return [{ path: ["container_definitions"], value: v.container_definitions }];
      return containerDefinitions(v.container_definitions).map((container, index) => ({
        path: ["container_definitions", index, "image"],
        value: container.image
      }));
    }
    default:
      return [];
  }
}
var PINNED = /@sha256:[0-9a-f]{64}$/;
var DIGEST_EXPRESSION = /@sha256|digest/i;
function unpinnedImage(address, attribute2, value) {
  if (typeof value === "string") {
    if (PINNED.test(value)) return [];
    return [
      evidence(
        address,
        attribute2,
        `image ${value} is not pinned by digest; reference it as name@sha256:<digest>`
      )
    ];
  }
  if (isUnknown(value)) {
    if (value.expression !== void 0 && DIGEST_EXPRESSION.test(value.expression)) return [];
    return [
      unknownEvidence(
        address,
        attribute2,
        `image is known only after apply (${describeUnknown(value)}); pin it by digest (@sha256:) so it can be checked`,
        value
      )
    ];
  }
  return [];
}

// action/inventory/aws/secrets.ts
var SECRET = "aws_secretsmanager_secret";
var VERSION = "aws_secretsmanager_secret_version";
var ROTATION = "aws_secretsmanager_secret_rotation";
var SSM_PARAMETER = "aws_ssm_parameter";
var API_KEY_PROVIDER = "aws_bedrockagentcore_api_key_credential_provider";
var OAUTH2_PROVIDER = "aws_bedrockagentcore_oauth2_credential_provider";
var GATEWAY = "aws_bedrockagentcore_gateway";
var GATEWAY_TARGET = "aws_bedrockagentcore_gateway_target";
var OAUTH2_VENDOR_BLOCKS = [
  "custom_oauth2_provider_config",
  "github_oauth2_provider_config",
  "google_oauth2_provider_config",
  "microsoft_oauth2_provider_config",
  "salesforce_oauth2_provider_config",
  "slack_oauth2_provider_config"
];
function awsSecrets(ctx) {
  const params = runtimeParameters(ctx);
  const consumers = secretConsumers(ctx);
  const out = [];
  const rotations = rotationsBySecret(ctx.index);
  for (const record2 of managed2(ctx.index, SECRET)) {
    out.push(
      facts(
        ctx,
        record2,
        consumers.get(record2.address) ?? [],
        [],
        secretRotationIssues(record2, rotations, params)
      )
    );
  }
  for (const record2 of managed2(ctx.index, VERSION)) {
    const secrets = resolveSecret(ctx.index, record2.values.secret_id);
    const related = [...secrets, ...secrets.flatMap((secret) => consumers.get(secret) ?? [])];
    out.push(facts(ctx, record2, related, versionValues(record2), []));
  }
  for (const record2 of managed2(ctx.index, SSM_PARAMETER)) {
    const found = ssmParameterValues(record2, params);
    if (found === void 0) continue;
    out.push(facts(ctx, record2, consumers.get(record2.address) ?? [], found, []));
  }
  for (const record2 of managed2(ctx.index, API_KEY_PROVIDER)) {
    const found = writeOnlyValue(record2, "api_key", "api_key_wo");
    out.push(facts(ctx, record2, consumers.get(record2.address) ?? [], found, []));
  }
  for (const record2 of managed2(ctx.index, OAUTH2_PROVIDER)) {
    out.push(facts(ctx, record2, consumers.get(record2.address) ?? [], oauth2ProviderValues(record2), []));
  }
  return out;
}
function managed2(index, type) {
  return index.byType(type).filter((record2) => record2.mode === "managed");
}
function facts(ctx, record2, related, valueInState, rotationIssues) {
  return {
    address: record2.address,
    source: record2.source,
    ...inheritedAttribution(ctx, record2.address, related),
    kind: record2.type,
    valueInState,
    rotationIssues
  };
}
function secretValue(address, path, value, fix) {
  const attribute2 = formatPath(path);
  if (typeof value === "string") {
    if (value === "") return void 0;
    return evidence(
      address,
      attribute2,
      `${attribute2} is a literal secret value (${fingerprint(value)}) stored in plan and state; ${fix}`
    );
  }
  if (!isUnknown(value)) return void 0;
  const generator = generatedValueSource(value);
  if (generator !== void 0) {
    return evidence(
      address,
      attribute2,
      `${attribute2} is generated by ${generator} inside Terraform, so the value is stored in state; ${fix}`
    );
  }
  return unknownEvidence(
    address,
    attribute2,
    `${attribute2} is set from ${describeUnknown(value)}, known only after apply; whatever it is will be stored in state; ${fix}`,
    value
  );
}
function versionValues(record2) {
  const fix = "use secret_string_wo with secret_string_wo_version (never stored), or set the value outside Terraform";
  return ["secret_string", "secret_binary"].map((key) => secretValue(record2.address, [key], record2.values[key], fix)).filter((item) => item !== void 0);
}
function writeOnlyValue(record2, key, writeOnly) {
  const found = secretValue(
    record2.address,
    [key],
    record2.values[key],
    `use ${writeOnly} (write-only, never stored) instead`
  );
  return found ? [found] : [];
}
function ssmParameterValues(record2, params) {
  const v = record2.values;
  const type = typeof v.type === "string" ? v.type : void 0;
  const secure = type?.toLowerCase() === "securestring" || isUnknown(v.type);
  if (secure) {
    const found = secretValue(
      record2.address,
      ["value"],
      v.value,
      "use value_wo with value_wo_version (never stored) instead"
    );
    return found ? [found] : [];
  }
  const name = typeof v.name === "string" ? v.name.split("/").pop() ?? v.name : record2.name;
  const out = [];
  for (const key of ["value", "insecure_value"]) {
    const value = v[key];
    if (typeof value === "string" && looksLikeSecretValue(name, value, params.secretNamePatterns)) {
      out.push(
        evidence(
          record2.address,
          key,
          `${type ?? "String"} parameter ${typeof v.name === "string" ? v.name : record2.name} holds a secret-looking literal (${fingerprint(value)}) unencrypted in plan and state; make it a SecureString set with value_wo`
        )
      );
    }
  }
  return out.length > 0 ? out : void 0;
}
function oauth2ProviderValues(record2) {
  const out = [];
  const config = record2.values.oauth2_provider_config;
  const configPath = blockSegments(config, "oauth2_provider_config");
  for (const [i, block] of blocks(config).entries()) {
    const base = Array.isArray(config) ? [configPath[0], i] : configPath;
    for (const vendor of OAUTH2_VENDOR_BLOCKS) {
      const vendorBlock = firstBlock(block[vendor]);
      if (!vendorBlock) continue;
      const path = [...base, ...blockSegments(block[vendor], vendor), "client_secret"];
      const found = secretValue(
        record2.address,
        path,
        vendorBlock.client_secret,
        "use client_secret_wo with client_credentials_wo_version (write-only, never stored) instead"
      );
      if (found) out.push(found);
    }
  }
  return out;
}
var AWS_MANAGED_KEY = /(?:^|:)alias\/aws\/secretsmanager$/;
function secretRotationIssues(record2, rotations, params) {
  const out = [];
  const kms = record2.values.kms_key_id;
  if (kms === void 0 || kms === null || kms === "" || typeof kms === "string" && AWS_MANAGED_KEY.test(kms)) {
    out.push(
      evidence(
        record2.address,
        "kms_key_id",
        "secret is encrypted with the AWS managed key aws/secretsmanager; set kms_key_id to a customer managed KMS key whose policy limits decryption to the identities that need it"
      )
    );
  }
  const found = rotations.get(record2.address) ?? [];
  if (found.length === 0) {
    out.push(
      evidence(
        record2.address,
        void 0,
        `secret has no aws_secretsmanager_secret_rotation; rotate it at least every ${params.rotationDays} days`
      )
    );
    return out;
  }
  const issues = [];
  for (const rotation of found) {
    const issue = rotationIssue(rotation, params);
    if (issue === void 0) return out;
    issues.push(issue);
  }
  return [...out, ...issues];
}
function rotationIssue(rotation, params) {
  const rulesValue = rotation.values.rotation_rules;
  const rules = firstBlock(rulesValue);
  const rulesPath = blockSegments(rulesValue, "rotation_rules");
  if (!rules) {
    return isUnknown(rulesValue) ? unknownEvidence(
      rotation.address,
      "rotation_rules",
      "rotation rules are known only after apply",
      rulesValue
    ) : evidence(rotation.address, "rotation_rules", "rotation has no rotation_rules");
  }
  const schedule = rules.schedule_expression;
  if (typeof schedule === "string" && schedule !== "") return void 0;
  const days = rules.automatically_after_days;
  const attribute2 = formatPath([...rulesPath, "automatically_after_days"]);
  if (typeof days === "number") {
    return days > params.rotationDays ? evidence(
      rotation.address,
      attribute2,
      `secret rotates every ${days} days, more than the policy maximum of ${params.rotationDays}`
    ) : void 0;
  }
  if (isUnknown(days)) {
    return unknownEvidence(
      rotation.address,
      attribute2,
      `rotation interval is known only after apply (${describeUnknown(days)})`,
      days
    );
  }
  if (isUnknown(schedule)) {
    return unknownEvidence(
      rotation.address,
      formatPath([...rulesPath, "schedule_expression"]),
      `rotation schedule is known only after apply (${describeUnknown(schedule)})`,
      schedule
    );
  }
  return evidence(
    rotation.address,
    formatPath(rulesPath),
    "rotation has neither automatically_after_days nor schedule_expression"
  );
}
function rotationsBySecret(index) {
  const out = /* @__PURE__ */ new Map();
  for (const rotation of managed2(index, ROTATION)) {
    for (const secret of resolveSecret(index, rotation.values.secret_id)) {
      const list = out.get(secret);
      if (list) list.push(rotation);
      else out.set(secret, [rotation]);
    }
  }
  return out;
}
var SECRET_ARN = /^arn:aws[\w-]*:secretsmanager:[^:]*:\d*:secret:(.+)$/;
var ARN_RANDOM_SUFFIX = /-[A-Za-z0-9]{6}$/;
function resolveSecret(index, value) {
  if (isUnknown(value)) return resolveRefs(index, value, SECRET);
  if (typeof value !== "string" || value === "") return [];
  const fromArn = SECRET_ARN.exec(value)?.[1];
  const candidates = /* @__PURE__ */ new Set([value]);
  if (fromArn !== void 0) {
    candidates.add(fromArn);
    candidates.add(fromArn.replace(ARN_RANDOM_SUFFIX, ""));
  }
  const out = [];
  for (const record2 of index.byType(SECRET)) {
    const { name, arn, id } = record2.values;
    if (typeof name === "string" && candidates.has(name) || typeof arn === "string" && arn === value || typeof id === "string" && id === value) {
      out.push(record2.address);
    }
  }
  return out;
}
function secretConsumers(ctx) {
  const out = /* @__PURE__ */ new Map();
  const add = (target, consumer) => {
    const list = out.get(target);
    if (list) {
      if (!list.includes(consumer)) list.push(consumer);
    } else out.set(target, [consumer]);
  };
  for (const type of [
    "aws_lambda_function",
    "aws_ecs_task_definition",
    "aws_bedrockagentcore_agent_runtime"
  ]) {
    for (const workload of ctx.index.byType(type)) {
      for (const entry of workloadEnvironment(workload).entries) {
        if (!isUnknown(entry.value)) continue;
        for (const ref of entry.value.refs) {
          if (ctx.index.byAddress.has(ref)) add(ref, workload.address);
        }
      }
    }
  }
  for (const target of ctx.index.byType(GATEWAY_TARGET)) {
    const gateways = resolveRefs(ctx.index, target.values.gateway_identifier, GATEWAY);
    for (const config of blocks(target.values.credential_provider_configuration)) {
      for (const [kind, providerType] of [
        ["oauth", OAUTH2_PROVIDER],
        ["api_key", API_KEY_PROVIDER]
      ]) {
        for (const block of blocks(config[kind])) {
          for (const provider of unique(resolveRefs(ctx.index, block.provider_arn, providerType))) {
            add(provider, target.address);
            for (const gateway of gateways) add(provider, gateway);
          }
        }
      }
    }
  }
  return out;
}

// action/inventory/aws/servers.ts
init_record();
function awsServerFacts(ctx) {
  const params = runtimeParameters(ctx);
  const attributed = /* @__PURE__ */ new Map();
  for (const record2 of ctx.index.all) {
    const server = ctx.attributionOf(record2.address).server;
    if (server === void 0) continue;
    const list = attributed.get(server);
    if (list) list.push(record2);
    else attributed.set(server, [record2]);
  }
  const servers = [];
  const tools = [];
  for (const declared of ctx.servers) {
    const resources = serverResources(ctx, declared, attributed.get(declared.name) ?? []);
    servers.push(serverFacts(ctx, declared, resources, params));
    for (const tool of declared.tools) tools.push(toolFacts(ctx, declared, tool, resources, params));
  }
  return { servers, tools };
}
var WORKLOAD_TYPES2 = /* @__PURE__ */ new Set([
  "aws_lambda_function",
  "aws_ecs_task_definition",
  "aws_bedrockagentcore_agent_runtime"
]);
function ofType(records, type) {
  return records.filter((record2) => record2.type === type && record2.mode === "managed");
}
function managed3(index, type) {
  return index.byType(type).filter((record2) => record2.mode === "managed");
}
function attached(index, own, type, link, refersTo, into) {
  const found = new Set(ofType(own, type));
  const reverse = referrers(index, type, link, refersTo);
  for (const target of into) for (const record2 of reverse.get(target) ?? []) found.add(record2);
  return inIndexOrder(index, found);
}
var reverseLinks = /* @__PURE__ */ new WeakMap();
var positions = /* @__PURE__ */ new WeakMap();
function referrers(index, type, link, refersTo) {
  let links = reverseLinks.get(index);
  if (!links) {
    links = /* @__PURE__ */ new Map();
    reverseLinks.set(index, links);
  }
  const key = `${type}\0${link}`;
  let reverse = links.get(key);
  if (!reverse) {
    reverse = /* @__PURE__ */ new Map();
    for (const record2 of managed3(index, type)) {
      for (const target of new Set(refersTo(record2))) {
        const list = reverse.get(target);
        if (list) list.push(record2);
        else reverse.set(target, [record2]);
      }
    }
    links.set(key, reverse);
  }
  return reverse;
}
function inIndexOrder(index, records) {
  let position = positions.get(index);
  if (!position) {
    position = new Map(index.all.map((record2, i) => [record2, i]));
    positions.set(index, position);
  }
  const order = position;
  return [...records].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
function serverResources(ctx, declared, own) {
  const index = ctx.index;
  const roles = /* @__PURE__ */ new Set([
    ...declared.identity === void 0 ? [] : [declared.identity],
    ...declared.tools.flatMap((tool) => tool.identities)
  ]);
  const workloads = inIndexOrder(
    index,
    new Set(
      [...WORKLOAD_TYPES2].flatMap(
        (type) => attached(index, own, type, "identity", (record2) => workloadIdentities(ctx, record2), roles)
      )
    )
  );
  const lambdas = workloads.filter((record2) => record2.type === "aws_lambda_function");
  const lambdaSet = new Set(lambdas.map((record2) => record2.address));
  const byFunction = (record2) => resolveLambda(index, record2.values.function_name);
  const functionUrls = attached(index, own, "aws_lambda_function_url", "function", byFunction, lambdaSet);
  const permissions = attached(index, own, "aws_lambda_permission", "function", byFunction, lambdaSet);
  const httpApiSet = new Set(ofType(own, "aws_apigatewayv2_api").map((record2) => record2.address));
  const httpToLambda = referrers(
    index,
    "aws_apigatewayv2_integration",
    "uri",
    (record2) => resolveLambda(index, record2.values.integration_uri)
  );
  for (const lambda of lambdaSet) {
    for (const integration of httpToLambda.get(lambda) ?? []) {
      for (const api of resolveRefs(index, integration.values.api_id, "aws_apigatewayv2_api"))
        httpApiSet.add(api);
    }
  }
  const httpApis = managed3(index, "aws_apigatewayv2_api").filter((record2) => httpApiSet.has(record2.address));
  const routes = attached(
    index,
    own,
    "aws_apigatewayv2_route",
    "api",
    (record2) => resolveRefs(index, record2.values.api_id, "aws_apigatewayv2_api"),
    httpApiSet
  );
  const httpIntegrations = attached(
    index,
    own,
    "aws_apigatewayv2_integration",
    "api",
    (record2) => resolveRefs(index, record2.values.api_id, "aws_apigatewayv2_api"),
    httpApiSet
  );
  const restApiSet = new Set(ofType(own, "aws_api_gateway_rest_api").map((record2) => record2.address));
  const restToLambda = referrers(
    index,
    "aws_api_gateway_integration",
    "uri",
    (record2) => resolveLambda(index, record2.values.uri)
  );
  for (const lambda of lambdaSet) {
    for (const integration of restToLambda.get(lambda) ?? []) {
      for (const api of resolveRefs(index, integration.values.rest_api_id, "aws_api_gateway_rest_api")) {
        restApiSet.add(api);
      }
    }
  }
  const byRestApi = (record2) => resolveRefs(index, record2.values.rest_api_id, "aws_api_gateway_rest_api");
  const restMethods = attached(index, own, "aws_api_gateway_method", "api", byRestApi, restApiSet);
  const restIntegrations = attached(index, own, "aws_api_gateway_integration", "api", byRestApi, restApiSet);
  const gateways = attached(
    index,
    own,
    "aws_bedrockagentcore_gateway",
    "role",
    (record2) => resolveRole(index, record2.values.role_arn),
    roles
  );
  const gatewaySet = new Set(gateways.map((record2) => record2.address));
  const targets = attached(
    index,
    own,
    "aws_bedrockagentcore_gateway_target",
    "gateway",
    (record2) => resolveRefs(index, record2.values.gateway_identifier, "aws_bedrockagentcore_gateway"),
    gatewaySet
  );
  const referencedStores = /* @__PURE__ */ new Set();
  for (const workload of workloads) {
    for (const entry of workloadEnvironment(workload).entries) {
      if (!isUnknown(entry.value)) continue;
      for (const store of resolveRefs(index, entry.value, "aws_verifiedpermissions_policy_store")) {
        referencedStores.add(store);
      }
    }
  }
  const stores = attached(
    index,
    own,
    "aws_verifiedpermissions_policy_store",
    "self",
    (record2) => [record2.address],
    referencedStores
  );
  const lambdaLogGroups = /* @__PURE__ */ new Set();
  const logGroupRefs = /* @__PURE__ */ new Set();
  for (const lambda of lambdas) {
    const name = lambda.values.function_name;
    if (typeof name === "string") lambdaLogGroups.add(`/aws/lambda/${name}`);
    const logging = firstBlock(lambda.values.logging_config);
    if (logging) {
      if (typeof logging.log_group === "string") lambdaLogGroups.add(logging.log_group);
      for (const group of resolveRefs(index, logging.log_group, "aws_cloudwatch_log_group"))
        logGroupRefs.add(group);
    }
  }
  const byName = referrers(
    index,
    "aws_cloudwatch_log_group",
    "name",
    (record2) => typeof record2.values.name === "string" ? [record2.values.name] : []
  );
  const logGroups = attached(
    index,
    own,
    "aws_cloudwatch_log_group",
    "self",
    (record2) => [record2.address],
    logGroupRefs
  );
  for (const name of lambdaLogGroups) logGroups.push(...byName.get(name) ?? []);
  const uniqueLogGroups = inIndexOrder(index, new Set(logGroups));
  const sgRefs = /* @__PURE__ */ new Set();
  for (const workload of workloads) {
    for (const value of workloadSecurityGroups(workload)) {
      for (const group of resolveSecurityGroup(index, value)) sgRefs.add(group);
    }
  }
  const securityGroups = attached(
    index,
    own,
    "aws_security_group",
    "self",
    (record2) => [record2.address],
    sgRefs
  );
  return {
    own,
    workloads,
    lambdas,
    functionUrls,
    permissions,
    httpApis,
    routes,
    httpIntegrations,
    restMethods,
    restIntegrations,
    gateways,
    targets,
    stores,
    logGroups: uniqueLogGroups,
    securityGroups
  };
}
var LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[^:]*:\d*:function:([^:/]+)/;
var INVOKE_ARN = /:lambda:path\/[^/]+\/functions\/(arn:aws[\w-]*:lambda:[^/]+)\/invocations$/;
function resolveLambda(index, value) {
  if (isUnknown(value)) return resolveRefs(index, value, "aws_lambda_function");
  if (typeof value !== "string" || value === "") return [];
  const arn = INVOKE_ARN.exec(value)?.[1] ?? value;
  const name = LAMBDA_ARN.exec(arn)?.[1] ?? value;
  return managed3(index, "aws_lambda_function").filter((record2) => record2.values.function_name === name || record2.values.arn === arn).map((record2) => record2.address);
}
function workloadSecurityGroups(workload) {
  const v = workload.values;
  if (workload.type === "aws_lambda_function") return listItems(firstBlock(v.vpc_config)?.security_group_ids);
  if (workload.type === "aws_bedrockagentcore_agent_runtime") {
    const network = firstBlock(v.network_configuration);
    return listItems(firstBlock(network?.network_mode_config)?.security_groups);
  }
  return [];
}
function listItems(value) {
  if (Array.isArray(value)) return value;
  return value === void 0 || value === null ? [] : [value];
}
function resolveSecurityGroup(index, value) {
  if (isUnknown(value)) return resolveRefs(index, value, "aws_security_group");
  if (typeof value !== "string" || value === "") return [];
  return managed3(index, "aws_security_group").filter((record2) => record2.values.id === value || record2.values.name === value).map((record2) => record2.address);
}
function serverFacts(ctx, declared, resources, params) {
  const toolRoles = new Set(declared.tools.flatMap((tool) => tool.identities));
  const ownRoles = [
    ...resources.workloads.flatMap((workload) => workloadIdentities(ctx, workload)),
    ...resources.gateways.flatMap((gateway) => resolveRole(ctx.index, gateway.values.role_arn))
  ].filter((role) => !toolRoles.has(role));
  const identities = unique([...declared.identity === void 0 ? [] : [declared.identity], ...ownRoles]);
  const address = declared.identity ?? resources.workloads[0]?.address ?? resources.own.find((record2) => !toolRoles.has(record2.address))?.address ?? resources.own[0]?.address ?? declared.tools[0]?.address ?? `mcp-server.${declared.name}`;
  const environment = declared.environment ?? ctx.environmentOf(address);
  return {
    name: declared.name,
    address,
    source: ctx.index.byAddress.get(address)?.source ?? { file: "" },
    server: declared.name,
    ...environment === void 0 ? {} : { environment },
    multiTenant: declared.multiTenant,
    tools: declared.tools.map((tool) => tool.name),
    identities,
    endpointIssues: endpointIssues(resources),
    passthroughIssues: passthroughIssues(resources),
    authorizationIssues: authorizationIssues(ctx, declared, resources, address),
    tenantIssues: tenantIssues(ctx, declared),
    auditIssues: auditIssues(ctx, resources, params, address),
    egressIssues: egressIssues(ctx, resources)
  };
}
function upper(value) {
  return typeof value === "string" ? value.toUpperCase() : void 0;
}
function endpointIssues(r) {
  const out = [];
  for (const url of r.functionUrls) {
    const auth = url.values.authorization_type;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          url.address,
          "authorization_type",
          "function URL authorization is known only after apply",
          auth
        )
      );
    } else if (upper(auth) === "NONE") {
      out.push(
        evidence(
          url.address,
          "authorization_type",
          "function URL accepts unauthenticated requests (authorization_type NONE); use AWS_IAM, or front it with an authorizer that checks the token audience"
        )
      );
    }
  }
  for (const permission of r.permissions) {
    const v = permission.values;
    if (v.principal === "*" && upper(v.function_url_auth_type) === "NONE") {
      out.push(
        evidence(
          permission.address,
          "principal",
          'resource policy lets anyone invoke the function URL without authentication (principal "*", function_url_auth_type NONE)'
        )
      );
    }
  }
  for (const route of r.routes) {
    const auth = route.values.authorization_type;
    const key = typeof route.values.route_key === "string" ? route.values.route_key : route.address;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          route.address,
          "authorization_type",
          `route ${key} authorization is known only after apply`,
          auth
        )
      );
    } else if (auth === void 0 || auth === null || upper(auth) === "NONE") {
      out.push(
        evidence(
          route.address,
          "authorization_type",
          `API route ${key} has no authorizer (authorization_type NONE); use JWT with an audience, or AWS_IAM`
        )
      );
    }
  }
  for (const method of r.restMethods) {
    const v = method.values;
    if (upper(v.http_method) === "OPTIONS") continue;
    const auth = v.authorization;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          method.address,
          "authorization",
          "method authorization is known only after apply",
          auth
        )
      );
    } else if (auth === void 0 || auth === null || upper(auth) === "NONE") {
      out.push(
        evidence(
          method.address,
          "authorization",
          `REST method${typeof v.http_method === "string" ? ` ${v.http_method}` : ""} has no authorization (NONE); use COGNITO_USER_POOLS, CUSTOM or AWS_IAM`
        )
      );
    }
  }
  for (const gateway of r.gateways) out.push(...authorizerIssues(gateway, "AgentCore gateway", true));
  for (const runtime of r.workloads) {
    if (runtime.type === "aws_bedrockagentcore_agent_runtime")
      out.push(...authorizerIssues(runtime, "AgentCore runtime", false));
  }
  return out;
}
function authorizerIssues(record2, what, hasType) {
  const v = record2.values;
  if (hasType) {
    const type = v.authorizer_type;
    if (isUnknown(type))
      return [
        unknownEvidence(
          record2.address,
          "authorizer_type",
          `${what} authorizer is known only after apply`,
          type
        )
      ];
    if (upper(type) === "NONE") {
      return [
        evidence(
          record2.address,
          "authorizer_type",
          `${what} accepts unauthenticated MCP requests (authorizer_type NONE); use CUSTOM_JWT with allowed_audience, or AWS_IAM`
        )
      ];
    }
    if (upper(type) !== "CUSTOM_JWT") return [];
  }
  const configValue = v.authorizer_configuration;
  const config = firstBlock(configValue);
  const configPath = blockSegments(configValue, "authorizer_configuration");
  if (!config) {
    if (isUnknown(configValue)) {
      return [
        unknownEvidence(
          record2.address,
          "authorizer_configuration",
          `${what} authorizer configuration is known only after apply`,
          configValue
        )
      ];
    }
    return hasType ? [
      evidence(
        record2.address,
        "authorizer_configuration",
        `${what} uses CUSTOM_JWT but has no authorizer_configuration`
      )
    ] : [];
  }
  const jwtValue = config.custom_jwt_authorizer;
  const jwt = firstBlock(jwtValue);
  if (!jwt) return [];
  const attribute2 = formatPath([
    ...configPath,
    ...blockSegments(jwtValue, "custom_jwt_authorizer"),
    "allowed_audience"
  ]);
  const audience = jwt.allowed_audience;
  if (isUnknown(audience)) {
    return [
      unknownEvidence(record2.address, attribute2, `${what} JWT audience is known only after apply`, audience)
    ];
  }
  if (!Array.isArray(audience) || audience.length === 0) {
    const clients = Array.isArray(jwt.allowed_clients) && jwt.allowed_clients.length > 0 ? " (allowed_clients alone does not bind the audience)" : "";
    return [
      evidence(
        record2.address,
        attribute2,
        `${what} JWT authorizer accepts tokens for any audience: set allowed_audience to this server's audience${clients}`
      )
    ];
  }
  return [];
}
function passthroughIssues(r) {
  const out = [];
  for (const target of r.targets) {
    const config = target.values.credential_provider_configuration;
    if (isUnknown(config)) {
      out.push(
        unknownEvidence(
          target.address,
          "credential_provider_configuration",
          "target credential is known only after apply",
          config
        )
      );
    } else if (blocks(config).length === 0) {
      out.push(
        evidence(
          target.address,
          "credential_provider_configuration",
          "gateway target has no outbound credential of its own (no credential_provider_configuration); give it a gateway IAM role, OAuth or API key credential provider"
        )
      );
    }
  }
  for (const workload of r.workloads) {
    if (workload.type === "aws_bedrockagentcore_agent_runtime") {
      const headersValue = workload.values.request_header_configuration;
      const headers = firstBlock(headersValue);
      const allow = headers?.request_header_allowlist;
      if (Array.isArray(allow) && allow.some((h) => typeof h === "string" && h.toLowerCase() === "authorization")) {
        out.push(
          evidence(
            workload.address,
            formatPath([
              ...blockSegments(headersValue, "request_header_configuration"),
              "request_header_allowlist"
            ]),
            "runtime lets the caller's Authorization header into the agent code, the usual first step of token passthrough; exchange it for an outbound credential (AgentCore Identity) instead"
          )
        );
      }
    }
    for (const entry of workloadEnvironment(workload).entries) {
      if (typeof entry.value !== "string" || !isPassthroughSwitch(entry.name)) continue;
      const value = entry.value.trim();
      if (TRUE_LIKE.test(value) || /\bauthorization\b/i.test(value)) {
        out.push(
          evidence(
            workload.address,
            formatPath(entry.path),
            `environment variable ${entry.name} configures forwarding of the client's credentials upstream; each upstream needs its own credential`
          )
        );
      }
    }
  }
  for (const integration of [...r.httpIntegrations, ...r.restIntegrations]) {
    const mapping = integration.values.request_parameters;
    if (!isPlainObject(mapping) || isUnknown(mapping)) continue;
    for (const [key, value] of Object.entries(mapping)) {
      if (AUTH_HEADER_TARGET.test(key) && typeof value === "string" && AUTH_HEADER_SOURCE.test(value)) {
        out.push(
          evidence(
            integration.address,
            formatPath(["request_parameters", key]),
            "integration copies the caller's Authorization header onto the upstream request (token passthrough)"
          )
        );
      }
    }
  }
  return out;
}
var TRUE_LIKE = /^(?:true|1|yes|on|enabled?)$/i;
var AUTH_HEADER_TARGET = /header\.authorization$/i;
var AUTH_HEADER_SOURCE = /request\.header\.authorization/i;
var FORWARD_WORDS = /* @__PURE__ */ new Set([
  "FORWARD",
  "FORWARDED",
  "FORWARDING",
  "PASSTHROUGH",
  "PROPAGATE",
  "PROPAGATION",
  "RELAY"
]);
var CREDENTIAL_WORDS = /* @__PURE__ */ new Set([
  "AUTH",
  "AUTHORIZATION",
  "TOKEN",
  "TOKENS",
  "BEARER",
  "CREDENTIAL",
  "CREDENTIALS",
  "HEADER",
  "HEADERS"
]);
function isPassthroughSwitch(name) {
  const segments = nameSegments(name);
  const joined = segments.map((s, i) => s === "PASS" && segments[i + 1] === "THROUGH" ? "PASSTHROUGH" : s);
  return joined.some((s) => FORWARD_WORDS.has(s)) && joined.some((s) => CREDENTIAL_WORDS.has(s));
}
function authorizationIssues(ctx, declared, r, serverAddress) {
  const out = [];
  if (r.stores.length === 0) {
    return [
      evidence(
        serverAddress,
        void 0,
        `no request-time policy engine guards server ${declared.name}: no Amazon Verified Permissions policy store (validation STRICT) is attributed to it or referenced by its workloads`
      )
    ];
  }
  const storeSet = new Set(r.stores.map((store) => store.address));
  for (const store of r.stores) {
    const settingsValue = store.values.validation_settings;
    const settings = firstBlock(settingsValue);
    const mode = settings?.mode;
    const attribute2 = settings ? formatPath([...blockSegments(settingsValue, "validation_settings"), "mode"]) : "validation_settings";
    if (isUnknown(mode)) {
      out.push(
        unknownEvidence(
          store.address,
          attribute2,
          "policy store validation mode is known only after apply",
          mode
        )
      );
    } else if (isUnknown(settingsValue)) {
      out.push(
        unknownEvidence(
          store.address,
          attribute2,
          "policy store validation mode is known only after apply",
          settingsValue
        )
      );
    } else if (upper(mode) !== "STRICT") {
      out.push(
        evidence(
          store.address,
          attribute2,
          `policy store validation is ${typeof mode === "string" ? mode : "OFF"}; set validation_settings mode STRICT so policies are checked against the schema`
        )
      );
    }
  }
  const statements = [];
  for (const policy of managed3(ctx.index, "aws_verifiedpermissions_policy")) {
    const stores = resolveRefs(
      ctx.index,
      policy.values.policy_store_id,
      "aws_verifiedpermissions_policy_store"
    );
    if (!stores.some((store) => storeSet.has(store))) continue;
    statements.push(...policyStatements(ctx.index, policy));
  }
  for (const { policy, attribute: attribute2, text } of statements) {
    if (typeof text === "string" && isUnconditionalPermit(text)) {
      out.push(
        evidence(
          policy.address,
          attribute2,
          "policy permits every principal every action on every resource with no condition; scope it to a tool action and a caller condition"
        )
      );
    }
  }
  const anchor = r.stores[0].address;
  for (const tool of declared.tools) {
    const pattern = toolActionPattern(tool.name);
    if (statements.some(({ text }) => typeof text === "string" && pattern.test(stripComments(text))))
      continue;
    const unknown = statements.find(({ text }) => isUnknown(text));
    if (unknown && isUnknown(unknown.text)) {
      out.push(
        unknownEvidence(
          unknown.policy.address,
          unknown.attribute,
          `no known policy names tool ${tool.name}; some policy statements are known only after apply (${describeUnknown(unknown.text)})`,
          unknown.text
        )
      );
    } else {
      out.push(
        evidence(
          anchor,
          void 0,
          `no Verified Permissions policy names tool ${tool.name} (Action::"${tool.name}"); add a policy that decides who may call it`
        )
      );
    }
  }
  return out;
}
function policyStatements(index, policy) {
  const out = [];
  const definitionValue = policy.values.definition;
  const definitionPath = blockSegments(definitionValue, "definition");
  const definition = firstBlock(definitionValue);
  if (!definition) {
    if (isUnknown(definitionValue)) out.push({ policy, attribute: "definition", text: definitionValue });
    return out;
  }
  const staticValue = definition.static;
  const staticBlock = firstBlock(staticValue);
  if (staticBlock) {
    const statement = staticBlock.statement;
    if (typeof statement === "string" || isUnknown(statement)) {
      out.push({
        policy,
        attribute: formatPath([...definitionPath, ...blockSegments(staticValue, "static"), "statement"]),
        text: statement
      });
    }
  }
  const linkedValue = definition.template_linked;
  const linked = firstBlock(linkedValue);
  if (linked) {
    const attribute2 = formatPath([
      ...definitionPath,
      ...blockSegments(linkedValue, "template_linked"),
      "policy_template_id"
    ]);
    const templates = resolveRefs(
      index,
      linked.policy_template_id,
      "aws_verifiedpermissions_policy_template"
    );
    for (const template of templates) {
      const statement = index.byAddress.get(template)?.values.statement;
      if (typeof statement === "string" || isUnknown(statement))
        out.push({ policy, attribute: attribute2, text: statement });
    }
    if (templates.length === 0 && isUnknown(linked.policy_template_id)) {
      out.push({ policy, attribute: attribute2, text: linked.policy_template_id });
    }
  }
  return out;
}
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function toolActionPattern(tool) {
  return new RegExp(`Action\\s*::\\s*"${escapeRegex(tool)}"`);
}
function stripComments(text) {
  return text.replace(/\/\/[^\n]*/g, "").replace(/@\w+\s*\(\s*"(?:[^"\\]|\\.)*"\s*\)/g, "");
}
var UNCONDITIONAL_PERMIT = /^permit\s*\(\s*principal\s*,\s*action\s*,\s*resource\s*\)\s*(?:when\s*\{\s*true\s*\}\s*)?;?$/;
function isUnconditionalPermit(statement) {
  return UNCONDITIONAL_PERMIT.test(stripComments(statement).trim());
}
function tenantIssues(ctx, declared) {
  if (!declared.multiTenant) return [];
  const keys = /* @__PURE__ */ new Set(["aws:requesttag/tenant", `aws:requesttag/${ctx.policy.tags.tenant}`.toLowerCase()]);
  const out = [];
  for (const address of unique(declared.tools.flatMap((tool) => tool.identities))) {
    const role = ctx.index.byAddress.get(address);
    if (role?.type !== "aws_iam_role") continue;
    const found = mentionsKey(ctx.index, role.values.assume_role_policy, keys);
    if (found === true) continue;
    out.push(
      isUnknown(found) ? unknownEvidence(
        role.address,
        "assume_role_policy",
        `trust policy is known only after apply (${describeUnknown(found)}); it must require the tenant session tag`,
        found
      ) : evidence(
        role.address,
        "assume_role_policy",
        `server ${declared.name} is multi-tenant but this tool role's trust does not require the tenant session tag (aws:RequestTag/tenant or aws:RequestTag/${ctx.policy.tags.tenant})`
      )
    );
  }
  return out;
}
function mentionsKey(index, value, keys) {
  if (typeof value === "string") {
    try {
      return deepMentions(JSON.parse(value), keys);
    } catch {
      return false;
    }
  }
  if (isUnknown(value) && value.partial !== void 0 && deepMentions(value.partial, keys)) return true;
  if (isUnknown(value)) {
    for (const ref of value.refs) {
      const doc = index.byAddress.get(ref);
      if (doc?.type !== "aws_iam_policy_document") continue;
      if (typeof doc.values.json === "string") return mentionsKey(index, doc.values.json, keys);
      if (deepMentions(doc.values.statement, keys)) return true;
      return isUnknown(doc.values.statement) ? doc.values.statement : false;
    }
    return value;
  }
  return deepMentions(value, keys);
}
function deepMentions(value, keys) {
  if (typeof value === "string") return keys.has(value.toLowerCase());
  if (Array.isArray(value)) return value.some((item) => deepMentions(item, keys));
  if (isPlainObject(value) && !isUnknown(value)) {
    return Object.entries(value).some(
      ([key, item]) => keys.has(key.toLowerCase()) || deepMentions(item, keys)
    );
  }
  return false;
}
function auditIssues(ctx, r, params, serverAddress) {
  if (params.auditTrailExternal) return [];
  let unknown;
  for (const trail of managed3(ctx.index, "aws_cloudtrail")) {
    const v = trail.values;
    if (v.enable_logging === false) continue;
    const multi = v.is_multi_region_trail;
    const validation = v.enable_log_file_validation;
    if (multi === true && validation === true) return [];
    const pending = [multi, validation].find(isUnknown);
    if (pending && (multi === true || isUnknown(multi)) && (validation === true || isUnknown(validation))) {
      unknown ??= unknownEvidence(
        trail.address,
        void 0,
        "CloudTrail settings are known only after apply",
        pending
      );
    }
  }
  for (const group of r.logGroups) {
    const retention = group.values.retention_in_days;
    if (typeof retention === "number" && retention > 0) return [];
    if (isUnknown(retention)) {
      unknown ??= unknownEvidence(
        group.address,
        "retention_in_days",
        "log group retention is known only after apply",
        retention
      );
    }
  }
  if (unknown) return [unknown];
  return [
    evidence(
      serverAddress,
      void 0,
      "no audit trail for tool calls and token minting: no multi-region CloudTrail with log file validation in the plan, and no log group with retention for this server (set auditTrailExternal in the policy if the trail is managed elsewhere)"
    )
  ];
}
var ANY_IPV4 = "0.0.0.0/0";
var ANY_IPV6 = "::/0";
function allProtocols(protocol) {
  return protocol === "-1" || protocol === -1 || typeof protocol === "string" && protocol.toLowerCase() === "all";
}
function allPorts(protocol, from, to) {
  if (allProtocols(protocol)) return true;
  return Number(from ?? 0) <= 0 && Number(to ?? 0) >= 65535;
}
function openCidrs(v4, v6) {
  const out = [];
  for (const cidr of listItems(v4)) if (cidr === ANY_IPV4) out.push(cidr);
  for (const cidr of listItems(v6)) if (cidr === ANY_IPV6) out.push(cidr);
  return out;
}
function egressIssues(ctx, r) {
  const out = [];
  const groups = new Set(r.securityGroups.map((group) => group.address));
  const detail = (cidrs) => `all ports and protocols open to ${cidrs.join(" and ")}; allow-list the destinations the server needs (VPC endpoints, prefix lists, specific CIDRs and ports)`;
  for (const group of r.securityGroups) {
    const egress = group.values.egress;
    for (const [i, rule] of blocks(egress).entries()) {
      const cidrs = openCidrs(rule.cidr_blocks, rule.ipv6_cidr_blocks);
      if (cidrs.length > 0 && allPorts(rule.protocol, rule.from_port, rule.to_port)) {
        out.push(evidence(group.address, formatPath(["egress", i]), detail(cidrs)));
      }
    }
  }
  for (const rule of managed3(ctx.index, "aws_security_group_rule")) {
    const v = rule.values;
    if (v.type !== "egress") continue;
    if (!resolveSecurityGroup(ctx.index, v.security_group_id).some((group) => groups.has(group))) continue;
    const cidrs = openCidrs(v.cidr_blocks, v.ipv6_cidr_blocks);
    if (cidrs.length > 0 && allPorts(v.protocol, v.from_port, v.to_port)) {
      out.push(evidence(rule.address, "cidr_blocks", detail(cidrs)));
    }
  }
  for (const rule of managed3(ctx.index, "aws_vpc_security_group_egress_rule")) {
    const v = rule.values;
    if (!resolveSecurityGroup(ctx.index, v.security_group_id).some((group) => groups.has(group))) continue;
    const cidrs = openCidrs(v.cidr_ipv4, v.cidr_ipv6);
    if (cidrs.length > 0 && allPorts(v.ip_protocol, v.from_port, v.to_port)) {
      out.push(evidence(rule.address, cidrs[0] === ANY_IPV4 ? "cidr_ipv4" : "cidr_ipv6", detail(cidrs)));
    }
  }
  return out;
}
function toolFacts(ctx, server, tool, r, params) {
  return {
    name: tool.name,
    server: server.name,
    tool: tool.name,
    address: tool.address,
    source: ctx.index.byAddress.get(tool.address)?.source ?? { file: "" },
    identities: tool.identities,
    scopeIssues: scopeIssues(ctx, tool, r, params),
    sensitive: tool.sensitive
  };
}
function scopeIssues(ctx, tool, r, params) {
  const out = [];
  const check = (address, path, scopes) => {
    if (scopes.length === 0) {
      out.push(
        evidence(address, formatPath(path), `tool ${tool.name} has an OAuth target with no scopes declared`)
      );
      return;
    }
    for (const [i, scope] of scopes.entries()) {
      if (isUnknown(scope)) {
        out.push(
          unknownEvidence(address, formatPath([...path, i]), `scope is known only after apply`, scope)
        );
      } else if (typeof scope === "string" && isOmnibus(scope, params)) {
        out.push(
          evidence(
            address,
            formatPath([...path, i]),
            `tool ${tool.name} requests the omnibus scope "${scope}"; request only the scopes the tool needs`
          )
        );
      }
    }
  };
  if (tool.scopes !== void 0) check(tool.address, ["scopes"], tool.scopes);
  const targets = new Set(r.targets.filter((target) => targetIsTool(ctx, target, tool)));
  for (const target of managed3(ctx.index, "aws_bedrockagentcore_gateway_target")) {
    if (ctx.attributionOf(target.address).tool === tool.name) targets.add(target);
  }
  for (const target of targets) {
    const configValue = target.values.credential_provider_configuration;
    for (const [i, config] of blocks(configValue).entries()) {
      const configPath = Array.isArray(configValue) ? ["credential_provider_configuration", i] : ["credential_provider_configuration"];
      const oauthValue = config.oauth;
      for (const [j, oauth] of blocks(oauthValue).entries()) {
        const path = [...configPath, ...Array.isArray(oauthValue) ? ["oauth", j] : ["oauth"], "scopes"];
        const scopes = oauth.scopes;
        if (isUnknown(scopes)) {
          out.push(
            unknownEvidence(
              target.address,
              formatPath(path),
              "OAuth scopes are known only after apply",
              scopes
            )
          );
        } else {
          check(target.address, path, Array.isArray(scopes) ? scopes : []);
        }
      }
    }
  }
  return out;
}
function targetIsTool(ctx, target, tool) {
  const attributed = ctx.attributionOf(target.address).tool;
  if (attributed !== void 0) return attributed === tool.name;
  return target.values.name === tool.name;
}
function isOmnibus(scope, params) {
  return params.omnibusScopes.has(scope.toLowerCase()) || scope.includes("*");
}

// action/inventory/context.ts
function indexRecords(records) {
  const byAddress = /* @__PURE__ */ new Map();
  const types = /* @__PURE__ */ new Map();
  for (const record2 of records) {
    byAddress.set(record2.address, record2);
    const list = types.get(record2.type);
    if (list) list.push(record2);
    else types.set(record2.type, [record2]);
  }
  return { all: records, byAddress, byType: (type) => types.get(type) ?? [] };
}

// action/inventory/build-inventory.ts
function buildInventory(records, options) {
  const index = indexRecords(records);
  const attribution = attribute(index, findManifests(records), options.policy);
  const ctx = {
    index,
    policy: options.policy,
    parameters: options.parameters,
    today: options.today,
    servers: attribution.servers,
    attributionOf: attribution.attributionOf,
    environmentOf: attribution.environmentOf
  };
  const { servers, tools } = awsServerFacts(ctx);
  const usedPolicies = /* @__PURE__ */ new Set();
  const identities = awsIdentities(ctx, usedPolicies);
  return {
    version: 1,
    parameters: { ...options.parameters, today: options.today },
    servers,
    tools,
    identities,
    credentials: awsCredentials(ctx),
    workloads: awsWorkloads(ctx),
    secrets: awsSecrets(ctx),
    policies: awsDetachedPolicies(ctx, usedPolicies)
  };
}

// action/policy/policy.ts
var DEFAULT_TAGS = {
  server: "mcp-nhi:server",
  tool: "mcp-nhi:tool",
  tenant: "mcp-nhi:tenant",
  owner: "mcp-nhi:owner",
  reviewBy: "mcp-nhi:review-by",
  environment: "mcp-nhi:environment"
};
function defaultPolicy() {
  return {
    scope: "mcp",
    failOn: "high",
    unknown: "report",
    controls: {},
    tags: DEFAULT_TAGS,
    servers: [],
    waivers: [],
    customControls: []
  };
}

// action/policy/waivers.ts
function waiverUse(waiver) {
  return {
    control: waiver.control,
    address: waiver.address,
    owner: waiver.owner,
    expires: waiver.expires,
    reason: waiver.reason
  };
}
function matches(waiver, finding) {
  return waiver.control === finding.control && matchAddress(waiver.address, finding.address);
}
function applyWaivers(findings, waivers, today) {
  const active = waivers.filter((waiver) => waiver.expires >= today);
  const used = /* @__PURE__ */ new Set();
  const result = findings.map((finding) => {
    if (finding.status === "waived") return finding;
    const matching = active.filter((waiver) => matches(waiver, finding));
    const first = matching[0];
    if (first === void 0) return finding;
    for (const waiver of matching) used.add(waiver);
    return {
      ...finding,
      status: "waived",
      waiver: { reason: first.reason, owner: first.owner, expires: first.expires }
    };
  });
  return {
    findings: result,
    applied: active.filter((waiver) => used.has(waiver)).map(waiverUse),
    expired: waivers.filter((waiver) => waiver.expires < today).map(waiverUse),
    unused: active.filter((waiver) => !used.has(waiver)).map(waiverUse)
  };
}

// action/read/read-inputs.ts
init_errors();
import { readdir as readdir2, readFile as readFile3, stat as stat3 } from "node:fs/promises";
import { join as join4, resolve as resolve3 } from "node:path";

// action/read/binary-plan.ts
init_errors();
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { basename, delimiter, dirname, join, resolve } from "node:path";

// action/read/plan-json.ts
init_errors();
init_record();
var MAX_NESTING = 1e3;
var EXPECTED_PLAN = "expected the output of `terraform show -json <planfile>`";
function readPlanJson(text, path, format2 = "plan") {
  return readPlanObject(parseJson(text, path), path, format2);
}
function parseJson(text, path) {
  try {
    return JSON.parse(text);
  } catch {
    const position = findJsonErrorPosition(text);
    const { line, column } = lineAndColumn(text, position);
    throw new InputError(
      path,
      `truncated or invalid JSON at position ${position} (line ${line}, column ${column})`
    );
  }
}
function readPlanObject(doc, path, format2 = "plan") {
  if (!isObj(doc) || !Object.hasOwn(doc, "format_version")) {
    throw new InputError(path, `not a Terraform plan: ${EXPECTED_PLAN} (found ${describeJsonValue(doc)})`);
  }
  const formatVersion = checkFormatVersion(doc.format_version, path);
  const producer = typeof doc.terraform_version === "string" ? doc.terraform_version : void 0;
  const changes = doc.resource_changes;
  const planned = doc.planned_values;
  checkType(changes, "resource_changes", "array", path);
  checkType(planned, "planned_values", "object", path);
  checkType(doc.prior_state, "prior_state", "object", path);
  checkType(doc.configuration, "configuration", "object", path);
  let records;
  if (changes === void 0 && planned === void 0) {
    const state = doc.values;
    if (!isObj(state) || !isObj(state.root_module)) {
      throw new InputError(
        path,
        `not a Terraform plan: ${EXPECTED_PLAN} (found ${describeJsonValue(doc)} without resource_changes, planned_values or state values)`
      );
    }
    records = stateRecords(state, path);
  } else {
    records = planRecords(doc, path);
  }
  const summary = {
    path,
    format: format2,
    resources: records.length,
    formatVersion,
    ...producer === void 0 ? {} : { producer }
  };
  return { records, inputs: [summary] };
}
function checkFormatVersion(raw, path) {
  const version = typeof raw === "number" ? String(raw) : raw;
  const match = typeof version === "string" ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (typeof version !== "string" || match === null) {
    throw new InputError(path, `not a Terraform plan: format_version is ${describeJsonValue(raw)}`);
  }
  if (Number(match[1]) >= 2) {
    throw new InputError(
      path,
      `plan format_version ${version} is not supported (this check reads 0.1 to 1.x); upgrade mcp-nhi-guard`
    );
  }
  return version;
}
function checkType(value, key, want, path) {
  if (value === void 0 || value === null) return;
  const ok = want === "array" ? Array.isArray(value) : isObj(value);
  if (!ok) {
    throw new InputError(
      path,
      `not a Terraform plan: ${EXPECTED_PLAN} (\`${key}\` is ${describeJsonValue(value)}, expected ${want === "array" ? "an array" : "an object"})`
    );
  }
}
function planRecords(doc, path) {
  const planned = isObj(doc.planned_values) ? moduleResources(doc.planned_values.root_module, path) : [];
  let plannedByAddress;
  const plannedValuesOf = (address) => {
    plannedByAddress ??= new Map(planned.map((r) => [r.address, r.resource]));
    return plannedByAddress.get(address)?.values;
  };
  const configuration = isObj(doc.configuration) ? doc.configuration : void 0;
  const changes = Array.isArray(doc.resource_changes) ? doc.resource_changes : [];
  const resolver = new ReferenceResolver(configuration, changes, path);
  const records = [];
  const seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < changes.length; i++) {
    const rc = changes[i];
    if (!isObj(rc) || typeof rc.address !== "string") {
      throw new InputError(path, `not a Terraform plan: resource_changes[${i}] has no address`);
    }
    const address = rc.address;
    const change = rc.change;
    if (!isObj(change) || !Array.isArray(change.actions)) {
      throw new InputError(path, `resource_changes[${i}] (${address}) has no change.actions list`);
    }
    const actions = change.actions.filter((a) => typeof a === "string");
    if (isGone(actions) || rc.deposed !== void 0) continue;
    const complete = typeof rc.type === "string" && typeof rc.name === "string" && typeof rc.mode === "string";
    const parsed = complete && (typeof rc.module_address === "string" || !address.startsWith("module.")) ? void 0 : parseResourceAddress(address);
    const mode = rc.mode === "data" || rc.mode === void 0 && parsed?.mode === "data" ? "data" : "managed";
    const type = typeof rc.type === "string" ? rc.type : parsed?.type ?? "";
    const name = typeof rc.name === "string" ? rc.name : parsed?.name ?? "";
    const module = typeof rc.module_address === "string" ? rc.module_address : parsed?.module ?? "";
    const index = typeof rc.index === "string" || typeof rc.index === "number" ? rc.index : parsed?.index ?? void 0;
    let after = change.after;
    if (!isObj(after)) {
      const plannedValues = plannedValuesOf(address);
      after = isObj(plannedValues) ? plannedValues : {};
    }
    const configResource = resolver.configResource(module, mode, type, name);
    const values = applyUnknowns(
      after,
      change.after_unknown,
      path,
      configResource === void 0 ? void 0 : (segments) => resolver.markerFor(module, configResource, segments)
    );
    const sensitivePaths = sensitivePathsOf(change.after_sensitive, values, path);
    if (mode === "data") seen.add(address);
    records.push(record(address, mode, type, name, module, index, values, sensitivePaths, actions, path));
  }
  const prior = isObj(doc.prior_state) && isObj(doc.prior_state.values) ? doc.prior_state.values : void 0;
  const priorResources = prior === void 0 ? [] : moduleResources(prior.root_module, path);
  for (const snapshot of [...planned, ...priorResources]) {
    if (snapshot.resource.mode !== "data" || seen.has(snapshot.address)) continue;
    seen.add(snapshot.address);
    records.push(recordFromSnapshot(snapshot, ["read"], path));
  }
  return records;
}
function isGone(actions) {
  return actions.length > 0 && actions.every((a) => a === "delete" || a === "forget");
}
function stateRecords(state, path) {
  return moduleResources(state.root_module, path).map((r) => recordFromSnapshot(r, ["no-op"], path));
}
function recordFromSnapshot(snapshot, actions, path) {
  const { resource: r, address } = snapshot;
  const parsed = parseResourceAddress(address);
  const mode = r.mode === "data" ? "data" : "managed";
  const type = typeof r.type === "string" ? r.type : parsed?.type ?? "";
  const name = typeof r.name === "string" ? r.name : parsed?.name ?? "";
  const index = typeof r.index === "string" || typeof r.index === "number" ? r.index : parsed?.index;
  const values = isObj(r.values) ? r.values : {};
  const sensitivePaths = sensitivePathsOf(r.sensitive_values, values, path);
  const module = parsed?.module ?? snapshot.module;
  return record(address, mode, type, name, module, index, values, sensitivePaths, actions, path);
}
function record(address, mode, type, name, module, index, values, sensitivePaths, actions, file) {
  const source = { file };
  return index === void 0 ? { address, mode, type, name, module, values, sensitivePaths, actions, source } : { address, mode, type, name, module, index, values, sensitivePaths, actions, source };
}
function moduleResources(root, path) {
  const out = [];
  const stack = [{ module: root, depth: 0 }];
  while (stack.length > 0) {
    const { module, depth } = stack.pop();
    if (!isObj(module)) continue;
    if (depth > MAX_NESTING) tooDeep(path);
    const moduleAddress = typeof module.address === "string" ? module.address : "";
    if (Array.isArray(module.resources)) {
      for (const r of module.resources) {
        if (!isObj(r) || typeof r.address !== "string") continue;
        const address = moduleAddress === "" || r.address.startsWith(`${moduleAddress}.`) ? r.address : `${moduleAddress}.${r.address}`;
        out.push({ resource: r, address, module: moduleAddress });
      }
    }
    if (Array.isArray(module.child_modules)) {
      for (let i = module.child_modules.length - 1; i >= 0; i--) {
        stack.push({ module: module.child_modules[i], depth: depth + 1 });
      }
    }
  }
  return out;
}
function applyUnknowns(after, mirror, path, markerFor) {
  if (mirror === true) return {};
  if (!isObj(mirror)) return after;
  let root;
  let copied;
  for (const key of Object.keys(mirror)) {
    const child = mirror[key];
    if (child === true) {
      root ??= copyObject(after);
      setOwn(root, key, markerFor === void 0 ? COMPUTED : markerFor([key]));
      continue;
    }
    if (typeof child !== "object" || child === null) continue;
    const leaves = trueLeaves(child, path, [key]);
    if (leaves.length === 0) continue;
    root ??= copyObject(after);
    copied ??= /* @__PURE__ */ new Set([root]);
    for (const segments of leaves) {
      let current = root;
      for (let i = 0; i < segments.length - 1; i++) {
        const segment = segments[i];
        const existing = ownValue(current, segment);
        let next;
        if (Array.isArray(existing)) next = copied.has(existing) ? existing : existing.slice();
        else if (isObj(existing)) next = copied.has(existing) ? existing : copyObject(existing);
        else next = typeof segments[i + 1] === "number" ? [] : {};
        copied.add(next);
        if (next !== existing) setOwn(current, segment, next);
        current = next;
      }
      setOwn(
        current,
        segments[segments.length - 1],
        markerFor === void 0 ? COMPUTED : markerFor(segments)
      );
    }
  }
  return root ?? after;
}
function trueLeaves(mirror, path, start = []) {
  const out = [];
  const stack = [{ node: mirror, prefix: start }];
  while (stack.length > 0) {
    const { node, prefix } = stack.pop();
    if (prefix.length > MAX_NESTING) tooDeep(path);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        if (child === true) out.push([...prefix, i]);
        else if (typeof child === "object" && child !== null)
          stack.push({ node: child, prefix: [...prefix, i] });
      }
    } else {
      for (const key of Object.keys(node)) {
        const child = node[key];
        if (child === true) out.push([...prefix, key]);
        else if (typeof child === "object" && child !== null)
          stack.push({ node: child, prefix: [...prefix, key] });
      }
    }
  }
  return out;
}
function sensitivePathsOf(mirror, values, path) {
  if (mirror === true) {
    return Object.keys(values).map((key) => formatPath([key]));
  }
  if (typeof mirror !== "object" || mirror === null) return [];
  return trueLeaves(mirror, path).map(formatPath);
}
function tooDeep(path) {
  throw new InputError(path, `nesting deeper than ${MAX_NESTING} levels`);
}
var NOT_RESOURCES = /* @__PURE__ */ new Set(["var", "local", "each", "count", "path", "terraform", "self"]);
var MAX_RESOLVE_DEPTH = 64;
var COMPUTED = Object.freeze(unknownValue(Object.freeze([])));
var ReferenceResolver = class {
  constructor(configuration, changes, path) {
    this.changes = changes;
    this.path = path;
    this.root = configuration === void 0 ? void 0 : buildConfig(configuration.root_module, path);
  }
  changes;
  path;
  root;
  scopes = /* @__PURE__ */ new Map();
  /** Module instance addresses present in the plan, to expand `module.m` when m has count/for_each. */
  instances;
  get moduleInstances() {
    if (this.instances !== void 0) return this.instances;
    this.instances = /* @__PURE__ */ new Set();
    for (const rc of this.changes) {
      if (!isObj(rc) || typeof rc.module_address !== "string" || rc.module_address === "") continue;
      const steps = splitTraversal(rc.module_address) ?? [];
      for (let i = 2; i <= steps.length; i += 2) {
        this.instances.add(
          steps.slice(0, i).map((s) => `${s.name}${s.key ?? ""}`).join(".")
        );
      }
    }
    return this.instances;
  }
  configResource(module, mode, type, name) {
    const config = this.scope(module)?.config;
    return config?.resources.get(`${mode === "data" ? "data." : ""}${type}.${name}`);
  }
  markerFor(module, configResource, segments) {
    if (configResource === void 0) return COMPUTED;
    const expression = expressionAt(configResource.expressions, segments);
    if (expression === void 0) return COMPUTED;
    const written = collectReferences(expression, this.path);
    if (written.length === 0) return COMPUTED;
    const scope = this.scope(module);
    if (scope === void 0) return unknownValue([], written[0]);
    const refs = [];
    let firstResolved;
    for (const reference of written) {
      const resolved = this.resolve(reference, scope, 0);
      if (resolved.length > 0 && firstResolved === void 0) firstResolved = reference;
      refs.push(...resolved);
    }
    return unknownValue(mostSpecific(refs), firstResolved ?? written[0]);
  }
  /** A reference as written in `scope` → full addresses of the resources it reads. */
  resolve(reference, scope, depth) {
    if (depth > MAX_RESOLVE_DEPTH) return [];
    const steps = splitTraversal(reference);
    if (steps === void 0 || steps.length === 0) return [];
    const [first, second, third] = steps;
    if (first.name === "var") {
      if (second === void 0 || scope.call === void 0 || scope.parent === void 0) return [];
      const input = ownValue(scope.call.expressions, second.name);
      return input === void 0 ? [] : this.resolveAll(collectReferences(input, this.path), scope.parent, depth);
    }
    if (NOT_RESOURCES.has(first.name)) return [];
    if (first.name === "module") {
      if (second === void 0) return [];
      return this.resolveModuleOutput(scope, second.name, second.key, third?.name, depth);
    }
    if (first.name === "data") {
      if (second === void 0 || third === void 0) return [];
      return [`${scope.prefix}data.${second.name}.${third.name}${third.key ?? ""}`];
    }
    if (second === void 0) return [];
    return [`${scope.prefix}${first.name}.${second.name}${second.key ?? ""}`];
  }
  resolveAll(references, scope, depth) {
    const out = [];
    for (const reference of references) out.push(...this.resolve(reference, scope, depth + 1));
    return out;
  }
  resolveModuleOutput(scope, callName, key, output, depth) {
    const base = `${scope.prefix}module.${callName}`;
    const child = scope.config?.calls.get(callName);
    let instances;
    if (key !== void 0) instances = [`${base}${key}`];
    else if (child !== void 0 && (child.call.count_expression || child.call.for_each_expression)) {
      instances = [...this.moduleInstances].filter(
        (m) => m.startsWith(`${base}[`) && splitTraversal(m.slice(scope.prefix.length))?.length === 2
      );
      if (instances.length === 0) instances = [base];
    } else instances = [base];
    const expression = output === void 0 ? void 0 : ownValue(ownValue(child?.module.outputs, output), "expression");
    if (child === void 0 || expression === void 0) return instances;
    const written = collectReferences(expression, this.path);
    const out = [];
    for (const instance of instances) {
      const childScope = {
        prefix: `${instance}.`,
        config: child.module,
        call: child.call,
        parent: scope
      };
      out.push(...this.resolveAll(written, childScope, depth));
    }
    return out;
  }
  scope(module) {
    if (this.root === void 0) return void 0;
    const cached = this.scopes.get(module);
    if (cached !== void 0) return cached;
    let scope = { prefix: "", config: this.root };
    if (module !== "") {
      const steps = splitTraversal(module);
      if (steps === void 0 || steps.length % 2 !== 0) return void 0;
      for (let i = 0; i < steps.length; i += 2) {
        if (steps[i].name !== "module" || steps[i].key !== void 0) return void 0;
        const step = steps[i + 1];
        const child = scope.config?.calls.get(step.name);
        scope = {
          prefix: `${scope.prefix}module.${step.name}${step.key ?? ""}.`,
          config: child?.module,
          parent: scope,
          ...child === void 0 ? {} : { call: child.call }
        };
      }
    }
    this.scopes.set(module, scope);
    return scope;
  }
};
function buildConfig(rootModule, path) {
  if (!isObj(rootModule)) return void 0;
  const make = () => ({ resources: /* @__PURE__ */ new Map(), calls: /* @__PURE__ */ new Map(), outputs: {} });
  const root = make();
  const stack = [
    { source: rootModule, target: root, depth: 0 }
  ];
  while (stack.length > 0) {
    const { source, target, depth } = stack.pop();
    if (depth > MAX_NESTING) tooDeep(path);
    if (isObj(source.outputs)) target.outputs = source.outputs;
    if (Array.isArray(source.resources)) {
      for (const r of source.resources) {
        if (!isObj(r)) continue;
        const key = typeof r.type === "string" && typeof r.name === "string" ? `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}` : typeof r.address === "string" ? r.address : void 0;
        if (key !== void 0) target.resources.set(key, r);
      }
    }
    if (isObj(source.module_calls)) {
      for (const name of Object.keys(source.module_calls)) {
        const call = source.module_calls[name];
        if (!isObj(call)) continue;
        const module = make();
        target.calls.set(name, { call, module });
        if (isObj(call.module)) stack.push({ source: call.module, target: module, depth: depth + 1 });
      }
    }
  }
  return root;
}
function expressionAt(expressions, segments) {
  let current = expressions;
  for (const segment of segments) {
    if (current === void 0 || isExpression(current)) break;
    if (Array.isArray(current)) {
      if (typeof segment !== "number") return void 0;
      current = current[segment] ?? (current.length === 1 ? current[0] : void 0);
    } else current = ownValue(current, segment);
  }
  return current;
}
function isExpression(node) {
  return isObj(node) && (Array.isArray(node.references) || Object.hasOwn(node, "constant_value"));
}
function collectReferences(node, path) {
  const out = [];
  const stack = [{ node, depth: 0 }];
  while (stack.length > 0) {
    const { node: current, depth } = stack.pop();
    if (depth > MAX_NESTING) tooDeep(path);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ node: current[i], depth: depth + 1 });
    } else if (isObj(current)) {
      if (isExpression(current)) {
        if (Array.isArray(current.references)) {
          for (const r of current.references) if (typeof r === "string") out.push(r);
        }
      } else {
        const keys = Object.keys(current);
        for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: current[keys[i]], depth: depth + 1 });
      }
    }
  }
  return out;
}
function mostSpecific(refs) {
  const unique2 = [...new Set(refs)];
  return unique2.filter((r) => !unique2.some((other) => other !== r && other.startsWith(`${r}[`)));
}
function splitTraversal(text) {
  const steps = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text[i] !== "." && text[i] !== "[") i++;
    const name = text.slice(start, i);
    let key;
    if (text[i] === "[") {
      const keyStart = i;
      const end = closingBracket(text, i);
      if (end < 0) return void 0;
      i = end + 1;
      while (text[i] === "[") {
        const next = closingBracket(text, i);
        if (next < 0) return void 0;
        i = next + 1;
      }
      key = text.slice(keyStart, i);
    }
    if (name === "") return void 0;
    steps.push(key === void 0 ? { name } : { name, key });
    if (i < text.length) {
      if (text[i] !== ".") return void 0;
      i++;
      if (i === text.length) return void 0;
    }
  }
  return steps;
}
function closingBracket(text, open) {
  let i = open + 1;
  if (text[i] === '"') {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
  }
  while (i < text.length && text[i] !== "]") i++;
  return i < text.length ? i : -1;
}
function parseResourceAddress(address) {
  const steps = splitTraversal(address);
  if (steps === void 0) return void 0;
  let i = 0;
  while (steps[i]?.name === "module" && steps[i]?.key === void 0 && steps[i + 1] !== void 0) i += 2;
  const module = steps.slice(0, i).map((s) => `${s.name}${s.key ?? ""}`).join(".");
  let mode = "managed";
  if (steps[i]?.name === "data" && steps.length - i === 3) {
    mode = "data";
    i++;
  }
  const type = steps[i];
  const name = steps[i + 1];
  if (type === void 0 || name === void 0 || steps.length !== i + 2 || type.key !== void 0) {
    return void 0;
  }
  const index = name.key === void 0 ? void 0 : parseIndex(name.key);
  const base = { module, mode, type: type.name, name: name.name };
  return index === void 0 ? base : { ...base, index };
}
function parseIndex(raw) {
  try {
    const value = JSON.parse(raw.slice(1, -1));
    return typeof value === "string" || typeof value === "number" ? value : void 0;
  } catch {
    return void 0;
  }
}
function isObj(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function ownValue(container, key) {
  if (typeof container !== "object" || container === null) return void 0;
  const k = typeof key === "number" && !Array.isArray(container) ? String(key) : key;
  return Object.hasOwn(container, k) ? container[k] : void 0;
}
function copyObject(source) {
  return Object.hasOwn(source, "__proto__") ? { ...source } : Object.assign({}, source);
}
function setOwn(container, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  } else container[key] = value;
}
function describeJsonValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty object";
    const shown = keys.slice(0, 6).map((k) => /^[\w.-]{1,40}$/.test(k) ? k : "\u2026");
    return `an object with top-level keys ${shown.join(", ")}${keys.length > 6 ? `, \u2026 (${keys.length} keys)` : ""}`;
  }
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}
function lineAndColumn(text, position) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}
function findJsonErrorPosition(text) {
  const n = text.length;
  let i = 0;
  const stack = [];
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "	")) i++;
  };
  const scalar = () => {
    const c = text[i];
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
      if (word.startsWith(text.slice(i)) && i < n) {
        i = n;
        return false;
      }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    if (m.exec(text) !== null && m.lastIndex > i) {
      i = m.lastIndex;
      return true;
    }
    return false;
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === void 0) {
          i = n;
          return false;
        }
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  let expectValue = true;
  ws();
  while (i <= n) {
    if (expectValue) {
      ws();
      const c2 = text[i];
      if (c2 === "{") {
        stack.push("{");
        i++;
        ws();
        if (text[i] === "}") {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (text[i] !== '"') return i;
        if (!string()) return i;
        ws();
        if (text[i] !== ":") return i;
        i++;
        continue;
      }
      if (c2 === "[") {
        stack.push("[");
        i++;
        ws();
        if (text[i] === "]") {
          stack.pop();
          i++;
          expectValue = false;
        }
        continue;
      }
      if (!scalar()) return i;
      expectValue = false;
      continue;
    }
    ws();
    const top = stack[stack.length - 1];
    if (top === void 0) return i;
    const c = text[i];
    if (c === ",") {
      i++;
      if (top === "{") {
        ws();
        if (text[i] !== '"' || !string()) return i;
        ws();
        if (text[i] !== ":") return i;
        i++;
      }
      expectValue = true;
      continue;
    }
    if (c === "}" && top === "{" || c === "]" && top === "[") {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
  return Math.min(i, n);
}

// action/read/binary-plan.ts
var DEFAULT_TIMEOUT_MS = 5 * 6e4;
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 80 && bytes[1] === 75 && bytes[2] === 3 && bytes[3] === 4;
}
async function readBinaryPlan(path, options = {}) {
  const env = options.env ?? process.env;
  const tool = findTool(["terraform", "tofu"], env);
  if (tool === void 0) {
    throw new InputError(
      path,
      "is a binary Terraform plan; install terraform (or tofu) on PATH or pass the output of `terraform show -json` instead"
    );
  }
  const absolute = resolve(path);
  const stdout = await new Promise((done, fail) => {
    execFile(
      tool,
      ["show", "-json", "-no-color", absolute],
      {
        cwd: dirname(absolute),
        env: { ...env, TF_IN_AUTOMATION: "1" },
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        encoding: "utf8",
        windowsHide: true
      },
      (error, out, err) => {
        if (error === null) {
          done(out);
          return;
        }
        const name = basename(tool);
        const killed = error.killed === true;
        const code = error.code;
        if (killed) {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1e3)} s`
            )
          );
        } else if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` wrote more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`
            )
          );
        } else {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` failed: ${firstErrorLine(err) ?? `exit code ${String(code)}`}`
            )
          );
        }
      }
    );
  });
  const result = readPlanJson(stdout, path, "binary-plan");
  return result;
}
function firstErrorLine(stderr) {
  const lines = stderr.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => line.replace(/^[\s│╷╵]+/, "").trim()).filter((line) => line !== "");
  const errorAt = lines.findIndex((line) => line.startsWith("Error:"));
  if (errorAt < 0) return lines[0]?.slice(0, 300);
  const detail = lines[errorAt + 1];
  const joined = detail === void 0 ? lines[errorAt] : `${lines[errorAt]} ${detail}`;
  return joined.slice(0, 300);
}
function findTool(names, env) {
  const dirs = (env.PATH ?? env.Path ?? "").split(delimiter).filter((d) => d !== "");
  const suffixes = process.platform === "win32" ? [".exe", ".cmd", ""] : [""];
  for (const name of names) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        try {
          accessSync(candidate, process.platform === "win32" ? constants.F_OK : constants.X_OK);
          return candidate;
        } catch {
        }
      }
    }
  }
  return void 0;
}

// action/read/decode.ts
init_errors();
function decodeText(bytes, path) {
  if (bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    return checkText(decodeUtf8(bytes.subarray(3), path), path);
  }
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254) {
    return checkText(decodeUtf16(bytes.subarray(2), "le", path), path);
  }
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) {
    return checkText(decodeUtf16(bytes.subarray(2), "be", path), path);
  }
  const bomless = guessBomlessUtf16(bytes);
  if (bomless !== void 0) return checkText(decodeUtf16(bytes, bomless, path), path);
  if (bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139) {
    throw new InputError(path, "is gzip-compressed; decompress it first");
  }
  return checkText(decodeUtf8(bytes, path), path);
}
function guessBomlessUtf16(bytes) {
  const sample = Math.min(bytes.length, 256) & ~1;
  if (sample < 4) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul >= pairs * 0.75 && evenNul <= pairs * 0.05) return "le";
  if (evenNul >= pairs * 0.75 && oddNul <= pairs * 0.05) return "be";
  return void 0;
}
function decodeUtf8(bytes, path) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, "is not UTF-8 or UTF-16 text (a binary file?)");
  }
}
function decodeUtf16(bytes, order, path) {
  if (bytes.length % 2 !== 0) {
    throw new InputError(path, `is not valid UTF-16 ${order.toUpperCase()} text (odd number of bytes)`);
  }
  let source = bytes;
  if (order === "be") {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    source = swapped;
  }
  try {
    return new TextDecoder("utf-16le", { fatal: true }).decode(source);
  } catch {
    throw new InputError(path, `is not valid UTF-16 ${order.toUpperCase()} text`);
  }
}
function checkText(text, path) {
  if (text.includes("\0"))
    throw new InputError(path, "is a binary file, not text (it contains NUL bytes)");
  return text;
}

// action/read/read-inputs.ts
var NO_INPUT = "no Terraform input found: expected a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files";
var CONFIG_KEYS2 = ["resource", "data", "module", "terraform", "provider"];
async function readInputs(paths, options = {}) {
  const result = { records: [], inputs: [] };
  const seen = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const key = resolve3(path);
    if (seen.has(key)) continue;
    seen.add(key);
    const one = await readInput(path, options);
    for (const record2 of one.records) result.records.push(record2);
    for (const input of one.inputs) result.inputs.push(input);
  }
  return result;
}
async function readInput(path, options = {}) {
  const info = await stat3(path).catch((error) => {
    throw new InputError(path, describeFsError2(error));
  });
  if (info.isDirectory()) return readDirectory(path);
  if (!info.isFile()) throw new InputError(path, "is not a regular file or a folder");
  if (path.endsWith(".tf")) return (await hclReader()).readHclPath(path);
  const bytes = await readFile3(path).catch((error) => {
    throw new InputError(path, describeFsError2(error));
  });
  if (bytes.length === 0) throw new InputError(path, "empty file");
  if (isZip(bytes)) return readBinaryPlan(path, options.env === void 0 ? {} : { env: options.env });
  const text = decodeText(bytes, path);
  const start = text.search(/\S/);
  if (start < 0) throw new InputError(path, "empty file (only whitespace)");
  const first = text[start];
  if (first !== "{" && first !== "[") {
    let scalar;
    try {
      scalar = JSON.parse(text);
    } catch {
      throw new InputError(path, describeNotJson(text.slice(start)));
    }
    throw new InputError(path, `JSON but not a Terraform plan (found ${describeJsonValue(scalar)})`);
  }
  let doc;
  try {
    doc = parseJson(text, path);
  } catch (error) {
    if (isStreamedLog(text.slice(start))) {
      throw new InputError(
        path,
        "is the streamed log of `terraform plan -json`, not a plan; run `terraform plan -out tfplan` and pass `tfplan` or the output of `terraform show -json tfplan`"
      );
    }
    throw error;
  }
  if (isObject3(doc) && Object.hasOwn(doc, "format_version")) return readPlanObject(doc, path);
  if (isObject3(doc) && CONFIG_KEYS2.some((key) => Object.hasOwn(doc, key))) {
    return (await tfjsonReader()).readTerraformJsonConfig(path);
  }
  throw new InputError(
    path,
    `JSON but not a Terraform plan or configuration (found ${describeJsonValue(doc)})`
  );
}
async function readDirectory(path) {
  const entries = await readdir2(path, { withFileTypes: true }).catch((error) => {
    throw new InputError(path, describeFsError2(error));
  });
  const has = (name, dir) => entries.some((e) => e.name === name && (dir ? e.isDirectory() : e.isFile()));
  if (has("manifest.json", false) && has("stacks", true) || has("cdk.tf.json", false)) {
    return (await tfjsonReader()).readTerraformJsonConfig(path);
  }
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  if (files.some((name) => name.endsWith(".tf"))) return (await hclReader()).readHclPath(path);
  const parts = files.filter((name) => name.endsWith(".tf.json")).map((name) => join4(path, name));
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const children = await readdir2(join4(path, e.name)).catch(() => []);
    if (children.includes("cdk.tf.json")) parts.push(join4(path, e.name));
  }
  if (parts.length === 0) throw new InputError(path, NO_INPUT);
  const { readTerraformJsonConfig: readTerraformJsonConfig2 } = await tfjsonReader();
  const result = { records: [], inputs: [] };
  for (const part of parts.sort()) {
    const one = await readTerraformJsonConfig2(part);
    result.records.push(...one.records);
    result.inputs.push(...one.inputs);
  }
  return result;
}
async function hclReader() {
  return Promise.resolve().then(() => (init_read_hcl(), read_hcl_exports));
}
async function tfjsonReader() {
  return Promise.resolve().then(() => (init_read_tfjson(), read_tfjson_exports));
}
function describeFsError2(error) {
  const code = error?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return `cannot be read (${typeof code === "string" ? code : "unknown error"})`;
  }
}
function isObject3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isStreamedLog(text) {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  try {
    const line = JSON.parse(firstLine);
    return isObject3(line) && Object.hasOwn(line, "@message");
  } catch {
    return false;
  }
}
function describeNotJson(text) {
  const head = text.slice(0, 4096);
  if (/^<!doctype html|^<html/i.test(head)) {
    return 'not JSON: starts with "<html" (an HTML page; was an error page saved instead of the plan?)';
  }
  if (head.startsWith("<?xml")) return 'not JSON: starts with "<?xml" (an XML document)';
  if (head.startsWith("<")) return 'not JSON: starts with "<" (HTML or XML?)';
  if (/Terraform (will perform the following actions|used the selected providers)|^\s*# \S+ will be /m.test(
    head
  )) {
    return "is the human-readable output of `terraform plan`, not JSON; pass `terraform plan -out tfplan` then `terraform show -json tfplan` output instead";
  }
  if (/^\s*(resource|data|module|provider|terraform|variable|locals|output)\s+("|\{)/m.test(head)) {
    return "looks like Terraform configuration (HCL); give it a .tf extension or pass its folder";
  }
  if (head.startsWith("---") || /^[A-Za-z_][\w-]*:(\s|$)/m.test(head)) return "not JSON (it looks like YAML)";
  return "not JSON (a text file that is neither a plan nor Terraform configuration)";
}

// action/redact.ts
init_record();
var MARKER = "[redacted]";
var MIN_SECRET_LENGTH = 6;
var CREDENTIAL_PATTERNS = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_\w{22,}|\bxox[abprs]-[\w-]{10,}|\bsk-(?:ant-)?[\w-]{20,}|\bsk_live_\w{16,}|\bAIza[\w-]{35}|\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+|-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?-----END[A-Z ]*PRIVATE KEY-----/g;
function createRedactor(records) {
  const secrets = /* @__PURE__ */ new Set();
  for (const record2 of records) collectSecrets(record2, secrets);
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const known = sorted.length > 0 ? new RegExp(sorted.map(escapeRegExp).join("|"), "g") : void 0;
  return {
    size: secrets.size,
    scrub(text) {
      const withoutKnown = known ? text.replace(known, MARKER) : text;
      return withoutKnown.replace(CREDENTIAL_PATTERNS, MARKER);
    },
    values: () => sorted
  };
}
function collectSecrets(record2, into) {
  const sensitive = record2.sensitivePaths.length > 0 ? new Set(record2.sensitivePaths) : void 0;
  const stack = [
    { value: record2.values, path: sensitive ? [] : void 0, key: "", marked: false }
  ];
  while (stack.length > 0) {
    const { value, path, key, marked } = stack.pop();
    if (typeof value === "string") {
      if (value.length < MIN_SECRET_LENGTH) continue;
      if (marked || secretName(key) || credentialShape(value) !== void 0) addSecret(value, into);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (isUnknown(value)) {
      if (value.partial !== void 0) stack.push({ value: value.partial, path, key, marked });
      continue;
    }
    const isList = Array.isArray(value);
    const pairName = !isList && typeof value.name === "string" ? value.name : void 0;
    for (const childKey of isList ? value.keys() : Object.keys(value)) {
      const child = value[childKey];
      if (child === null || typeof child === "number" || typeof child === "boolean") continue;
      const childPath = path ? [...path, childKey] : void 0;
      const childMarked = marked || childPath !== void 0 && sensitive.has(formatPath(childPath));
      const nameKey = isList ? key : childKey === "value" && pairName !== void 0 ? pairName : childKey;
      stack.push({ value: child, path: childPath, key: nameKey, marked: childMarked });
    }
  }
}
var secretNames = /* @__PURE__ */ new Map();
function secretName(key) {
  let verdict = secretNames.get(key);
  if (verdict === void 0) {
    verdict = isSecretName(key);
    if (secretNames.size > 5e4) secretNames.clear();
    secretNames.set(key, verdict);
  }
  return verdict;
}
function addSecret(value, into) {
  into.add(value);
  const trimmed = value.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      collectJsonStrings(JSON.parse(value), into);
    } catch {
    }
  }
}
function collectJsonStrings(value, into, depth = 0) {
  if (depth > 64) return;
  if (typeof value === "string") {
    if (value.length >= MIN_SECRET_LENGTH) into.add(value);
  } else if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) collectJsonStrings(child, into, depth + 1);
  }
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// action/check.ts
async function checkPaths(paths, options = {}) {
  return checkReadResult(await readInputs(paths), options);
}
function checkReadResult(read, options = {}) {
  const base = options.policy ?? defaultPolicy();
  const policy = {
    ...base,
    scope: options.scope ?? base.scope,
    failOn: options.failOn ?? base.failOn
  };
  const today = options.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const controlSet = loadControlSet(policy);
  const full = buildInventory(read.records, { policy, parameters: controlSet.parameters, today });
  const inventory = policy.scope === "all" ? full : mcpView(full);
  const sources = new Map(read.records.map((record2) => [record2.address, record2.source]));
  const raw = evaluateControls(inventory, controlSet, (address) => sources.get(address));
  const waived = applyWaivers(raw, policy.waivers, today);
  const findings = waived.findings.sort(byImportance);
  const unknownBlocks = policy.unknown === "block";
  const blocks2 = (finding) => atOrAbove(finding.severity, policy.failOn) && (finding.status === "fail" || unknownBlocks && finding.status === "unknown");
  const blocking = findings.filter(blocks2).length;
  const counts = { fail: 0, unknown: 0, waived: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const finding of findings) {
    counts[finding.status] += 1;
    if (finding.status !== "waived") bySeverity[finding.severity] += 1;
  }
  const report = {
    version: 1,
    tool: { name: "mcp-nhi-guard", version: package_default.version },
    scope: policy.scope,
    inputs: read.inputs,
    findings,
    inventory,
    controls: controlSet.controls.map((control) => control.meta),
    summary: {
      verdict: blocking > 0 ? "fail" : "pass",
      failOn: policy.failOn,
      unknownBlocks,
      blocking,
      counts,
      bySeverity,
      resources: read.records.length,
      servers: inventory.servers.length,
      tools: inventory.tools.length,
      identities: inventory.identities.length,
      notes: notes(read, full, inventory, policy, counts.unknown),
      waivers: { applied: waived.applied, expired: waived.expired, unused: waived.unused }
    }
  };
  return { report, redactor: createRedactor(read.records) };
}
function mcpView(inventory) {
  const claimed = (entity) => entity.server !== void 0 || entity.tool !== void 0 || entity.attributedBy === "unresolved";
  return {
    ...inventory,
    identities: inventory.identities.filter(
      (identity) => claimed(identity) || identity.tools.length > 0 || identity.servers.length > 0
    ),
    credentials: inventory.credentials.filter(claimed),
    workloads: inventory.workloads.filter(claimed),
    secrets: inventory.secrets.filter(claimed),
    policies: inventory.policies.filter(claimed)
  };
}
function notes(read, full, judged, policy, unknown) {
  const out = read.inputs.flatMap(
    (input) => (input.notes ?? []).map((note) => `${input.path}: ${note}`)
  );
  if (policy.scope === "mcp" && judged.servers.length === 0) {
    out.push(
      `No MCP server is declared in the inputs (no manifest, no mcp-nhi:server tags, no policy selectors): ${full.identities.length} identities and ${full.credentials.length} static credentials were not judged. Run with --scope all to judge every non-human identity.`
    );
  }
  if (unknown > 0 && policy.unknown !== "block") {
    out.push(
      `${unknown} finding(s) depend on values known only after apply; they are reported, not blocking (set \`unknown: block\` in the policy to block on them).`
    );
  }
  return out;
}
function byImportance(a, b) {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.control.localeCompare(b.control) || a.address.localeCompare(b.address) || (a.attribute ?? "").localeCompare(b.attribute ?? "");
}

// action/cli.ts
init_errors();

// action/policy/load-policy.ts
var import__2 = __toESM(require__(), 1);
var import_yaml = __toESM(require_dist(), 1);
import { readFile as readFile4 } from "node:fs/promises";

// schemas/nhi-policy.schema.json
var nhi_policy_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/nhi-policy.schema.json",
  title: "mcp-nhi-guard policy file",
  description: "Configures the mcp-nhi-guard check: which identities are in scope, when the check fails, control settings, attribution of resources to MCP servers and tools, waivers with an owner and an expiry, and custom controls. YAML or JSON.",
  type: "object",
  additionalProperties: false,
  required: ["version"],
  properties: {
    $schema: {
      title: "JSON Schema",
      description: "URL or path of this schema, for editors. Ignored by the check.",
      type: "string"
    },
    version: {
      title: "Policy file version",
      description: "Version of the policy file format. Always 1.",
      const: 1
    },
    scope: {
      title: "Identities in scope",
      description: "`mcp` (default): judge only identities that belong to an MCP server or tool. `all`: also judge every other non-human identity in the plan against the controls whose scope is `any`.",
      type: "string",
      enum: ["mcp", "all"]
    },
    failOn: {
      title: "Failing severity",
      description: "The check fails when a finding at or above this severity is not waived. `never` reports without failing. Default: high.",
      type: "string",
      enum: ["critical", "high", "medium", "low", "never"]
    },
    unknown: {
      title: "Handling of unknown findings",
      description: "Findings whose outcome depends on values known only after apply. `report` (default): shown, not blocking. `block`: they count like failures.",
      type: "string",
      enum: ["report", "block"]
    },
    controls: {
      title: "Control settings",
      description: "Per-control settings keyed by control ID (built-in MCP-NHI-001 to MCP-NHI-024, or the ID of a custom control): enable or disable, change the severity, set parameters.",
      type: "object",
      propertyNames: {
        pattern: "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
      },
      properties: {
        "MCP-NHI-001": {
          title: "MCP-NHI-001: Each tool has its own identity",
          description: "Settings for the built-in control MCP-NHI-001 (Each tool has its own identity). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-002": {
          title: "MCP-NHI-002: No static long-lived credentials",
          description: "Settings for the built-in control MCP-NHI-002 (No static long-lived credentials). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-003": {
          title: "MCP-NHI-003: No plaintext secrets in config or environment",
          description: "Settings for the built-in control MCP-NHI-003 (No plaintext secrets in config or environment). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/mcpNhi003"
        },
        "MCP-NHI-004": {
          title: "MCP-NHI-004: Secret values never land in plan or state",
          description: "Settings for the built-in control MCP-NHI-004 (Secret values never land in plan or state). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-005": {
          title: "MCP-NHI-005: Short-lived sessions",
          description: "Settings for the built-in control MCP-NHI-005 (Short-lived sessions). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/mcpNhi005"
        },
        "MCP-NHI-006": {
          title: "MCP-NHI-006: Federated trust bound to exact subject and audience",
          description: "Settings for the built-in control MCP-NHI-006 (Federated trust bound to exact subject and audience). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-007": {
          title: "MCP-NHI-007: Least privilege: no wildcard or admin grants",
          description: "Settings for the built-in control MCP-NHI-007 (Least privilege: no wildcard or admin grants). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-008": {
          title: "MCP-NHI-008: Privilege ceiling on tool identities",
          description: "Settings for the built-in control MCP-NHI-008 (Privilege ceiling on tool identities). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-009": {
          title: "MCP-NHI-009: Trust and delegation are scoped",
          description: "Settings for the built-in control MCP-NHI-009 (Trust and delegation are scoped). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-010": {
          title: "MCP-NHI-010: Authenticated endpoint with audience binding",
          description: "Settings for the built-in control MCP-NHI-010 (Authenticated endpoint with audience binding). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-011": {
          title: "MCP-NHI-011: No token passthrough",
          description: "Settings for the built-in control MCP-NHI-011 (No token passthrough). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-012": {
          title: "MCP-NHI-012: Minimal outbound scopes per tool",
          description: "Settings for the built-in control MCP-NHI-012 (Minimal outbound scopes per tool). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/mcpNhi012"
        },
        "MCP-NHI-013": {
          title: "MCP-NHI-013: Request-time authorization is enforced per tool",
          description: "Settings for the built-in control MCP-NHI-013 (Request-time authorization is enforced per tool). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-014": {
          title: "MCP-NHI-014: Context-aware rules for sensitive tools",
          description: "Settings for the built-in control MCP-NHI-014 (Context-aware rules for sensitive tools). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-015": {
          title: "MCP-NHI-015: Tenant isolation on multi-tenant servers",
          description: "Settings for the built-in control MCP-NHI-015 (Tenant isolation on multi-tenant servers). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-016": {
          title: "MCP-NHI-016: Impersonation grants are narrow (GCP)",
          description: "Settings for the built-in control MCP-NHI-016 (Impersonation grants are narrow (GCP)). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-017": {
          title: "MCP-NHI-017: No human use of workload identities",
          description: "Settings for the built-in control MCP-NHI-017 (No human use of workload identities). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-018": {
          title: "MCP-NHI-018: Environments do not share identities",
          description: "Settings for the built-in control MCP-NHI-018 (Environments do not share identities). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-019": {
          title: "MCP-NHI-019: Every identity has an owner and a review date",
          description: "Settings for the built-in control MCP-NHI-019 (Every identity has an owner and a review date). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/mcpNhi019"
        },
        "MCP-NHI-020": {
          title: "MCP-NHI-020: Unavoidable secrets are vaulted and rotated",
          description: "Settings for the built-in control MCP-NHI-020 (Unavoidable secrets are vaulted and rotated). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/mcpNhi020"
        },
        "MCP-NHI-021": {
          title: "MCP-NHI-021: Kubernetes service accounts are hardened",
          description: "Settings for the built-in control MCP-NHI-021 (Kubernetes service accounts are hardened). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-022": {
          title: "MCP-NHI-022: Audit trail for tool calls and token minting",
          description: "Settings for the built-in control MCP-NHI-022 (Audit trail for tool calls and token minting). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/mcpNhi022"
        },
        "MCP-NHI-023": {
          title: "MCP-NHI-023: Egress is allow-listed",
          description: "Settings for the built-in control MCP-NHI-023 (Egress is allow-listed). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        },
        "MCP-NHI-024": {
          title: "MCP-NHI-024: Server images are pinned",
          description: "Settings for the built-in control MCP-NHI-024 (Server images are pinned). See CONTROLS.md for what it checks.",
          $ref: "#/$defs/builtinControl"
        }
      },
      additionalProperties: {
        $ref: "#/$defs/customControlSetting"
      }
    },
    tags: {
      title: "Attribution tag names",
      description: "Tag (AWS, Azure), label (GCP, Kubernetes) key names the check reads to attribute resources to servers and tools and to find owners. Set only the keys you want to rename.",
      type: "object",
      additionalProperties: false,
      properties: {
        server: {
          title: "Server tag",
          description: "Tag naming the MCP server a resource belongs to. Default: mcp-nhi:server.",
          type: "string",
          minLength: 1
        },
        tool: {
          title: "Tool tag",
          description: "Tag naming the MCP tool a resource belongs to. Default: mcp-nhi:tool.",
          type: "string",
          minLength: 1
        },
        tenant: {
          title: "Tenant tag",
          description: "Tag (and session tag) carrying the tenant. Default: mcp-nhi:tenant.",
          type: "string",
          minLength: 1
        },
        owner: {
          title: "Owner tag",
          description: "Tag naming the team or person who owns an identity. Default: mcp-nhi:owner.",
          type: "string",
          minLength: 1
        },
        reviewBy: {
          title: "Review-by tag",
          description: "Tag holding the date (YYYY-MM-DD) by which an identity must be reviewed. Default: mcp-nhi:review-by.",
          type: "string",
          minLength: 1
        },
        environment: {
          title: "Environment tag",
          description: "Tag naming the environment (prod, staging, ...). Default: mcp-nhi:environment.",
          type: "string",
          minLength: 1
        }
      }
    },
    servers: {
      title: "MCP servers by address",
      description: "Declares MCP servers and their tools by Terraform address globs, for plans written without the constructs or attribution tags.",
      type: "array",
      items: {
        $ref: "#/$defs/server"
      }
    },
    waivers: {
      title: "Waivers",
      description: "Accepted findings. A waiver turns matching failing or unknown findings into `waived` until it expires; each needs a reason, an owner and an expiry date.",
      type: "array",
      items: {
        $ref: "#/$defs/waiver"
      }
    },
    customControls: {
      title: "Custom controls",
      description: "Extra controls: each is a JSON Schema (2020-12) judged against the NHI inventory, annotated with `x-nhi-control`.",
      type: "array",
      items: {
        $ref: "#/$defs/customControl"
      }
    }
  },
  $defs: {
    severity: {
      title: "Severity",
      description: "Severity of this control\u2019s findings, replacing the default.",
      type: "string",
      enum: ["critical", "high", "medium", "low"]
    },
    enabled: {
      title: "Enabled",
      description: "false turns the control off. Default: true.",
      type: "boolean"
    },
    glob: {
      title: "Address glob",
      description: 'Terraform resource address pattern: `*` matches any run of characters (including `.`, `[` and `"`), `?` one character; everything else is literal. Matches the whole address, e.g. `module.mcp_*` or `aws_iam_role.tool["search"]`.',
      type: "string",
      minLength: 1
    },
    globList: {
      title: "Address globs",
      description: "Terraform address globs; a resource matching any of them is selected.",
      type: "array",
      minItems: 1,
      items: {
        $ref: "#/$defs/glob"
      }
    },
    builtinControl: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        }
      }
    },
    mcpNhi003: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        secretNamePatterns: {
          title: "Secret name patterns",
          description: "Regular expressions (case-insensitive) for environment variable and config key names that must not hold literal values. Replaces the default list (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH).",
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        },
        allowNames: {
          title: "Allowed names",
          description: "Exact variable or key names that look secret-like but hold no secret (e.g. `AUTH_MODE`).",
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      }
    },
    mcpNhi005: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        maxSessionSeconds: {
          title: "Maximum session seconds",
          description: "Longest allowed role session ceiling (`aws_iam_role.max_session_duration`), 3600 to 43200 seconds as AWS accepts. Default: 3600.",
          type: "integer",
          minimum: 3600,
          maximum: 43200
        },
        maxTokenSeconds: {
          title: "Maximum token seconds",
          description: "Longest allowed Kubernetes projected service account token (`expiration_seconds`), at least 600 seconds.",
          type: "integer",
          minimum: 600
        }
      }
    },
    mcpNhi012: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        omnibusScopes: {
          title: "Omnibus scopes",
          description: "OAuth scopes too broad for a tool. Replaces the default list (`*`, `all`, `admin`, `full-access`).",
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      }
    },
    mcpNhi019: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        requiredTags: {
          title: "Required tags",
          description: "Tag keys every identity must carry, in addition to the owner and review-by tags.",
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      }
    },
    mcpNhi020: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        rotationDays: {
          title: "Rotation days",
          description: "Longest allowed rotation interval of a vaulted secret, in days.",
          type: "integer",
          minimum: 1
        }
      }
    },
    mcpNhi022: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        auditTrailExternal: {
          title: "Audit trail managed elsewhere",
          description: "true when the account or organization trail is managed outside this plan (e.g. an organization CloudTrail); the control then only checks what the plan itself configures.",
          type: "boolean"
        }
      }
    },
    customControlSetting: {
      title: "Custom control settings",
      description: "Settings of a custom control: enabled, severity, and any parameters the control reads.",
      type: "object",
      properties: {
        enabled: {
          $ref: "#/$defs/enabled"
        },
        severity: {
          $ref: "#/$defs/severity"
        }
      },
      additionalProperties: true
    },
    server: {
      title: "MCP server",
      description: "An MCP server and its tools, attributed by address globs.",
      type: "object",
      additionalProperties: false,
      required: ["name", "select", "tools"],
      properties: {
        name: {
          title: "Server name",
          description: "Name of the MCP server, as reports show it.",
          type: "string",
          minLength: 1
        },
        select: {
          $ref: "#/$defs/globList",
          title: "Server resources",
          description: "Address globs of the server\u2019s own resources (its runtime, identity, endpoint)."
        },
        environment: {
          title: "Environment",
          description: "Environment of the server (prod, staging, ...), when tags do not say it.",
          type: "string",
          minLength: 1
        },
        multiTenant: {
          title: "Multi-tenant",
          description: "true when the server serves several tenants (checked by MCP-NHI-015).",
          type: "boolean"
        },
        tools: {
          title: "Tools",
          description: "The server\u2019s MCP tools, each with its own resources.",
          type: "array",
          items: {
            $ref: "#/$defs/tool"
          }
        }
      }
    },
    tool: {
      title: "MCP tool",
      description: "An MCP tool of the server, attributed by address globs.",
      type: "object",
      additionalProperties: false,
      required: ["name", "select"],
      properties: {
        name: {
          title: "Tool name",
          description: "Name of the tool, as reports show it.",
          type: "string",
          minLength: 1
        },
        select: {
          $ref: "#/$defs/globList",
          title: "Tool resources",
          description: "Address globs of the tool\u2019s resources (its identity, grants, credentials)."
        },
        sensitive: {
          title: "Sensitive",
          description: "true when the tool reads sensitive data (checked by MCP-NHI-014).",
          type: "boolean"
        },
        writeCapable: {
          title: "Write-capable",
          description: "true when the tool can change data or systems (checked by MCP-NHI-014).",
          type: "boolean"
        },
        scopes: {
          title: "Outbound scopes",
          description: "OAuth scopes the tool\u2019s outbound credential uses (checked by MCP-NHI-012).",
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      }
    },
    waiver: {
      title: "Waiver",
      description: "Accepts the findings of one control on matching addresses until the expiry date.",
      type: "object",
      additionalProperties: false,
      required: ["control", "address", "reason", "owner", "expires"],
      properties: {
        control: {
          title: "Control ID",
          description: "ID of the waived control, e.g. MCP-NHI-007.",
          type: "string",
          pattern: "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
        },
        address: {
          $ref: "#/$defs/glob",
          title: "Address glob",
          description: "Address glob of the waived findings, e.g. `module.legacy.aws_iam_role.*`."
        },
        reason: {
          title: "Reason",
          description: "Why the finding is accepted (at least 10 characters).",
          type: "string",
          minLength: 10
        },
        owner: {
          title: "Owner",
          description: "Who owns the risk and renews or removes the waiver.",
          type: "string",
          minLength: 1
        },
        expires: {
          title: "Expiry date",
          description: "Last day the waiver applies, YYYY-MM-DD.",
          type: "string",
          pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        }
      }
    },
    customControl: {
      title: "Custom control",
      description: "A JSON Schema (2020-12) the NHI inventory must satisfy, with an `x-nhi-control` annotation. Schema keywords other than `x-nhi-control` are the control\u2019s own.",
      type: "object",
      required: ["x-nhi-control"],
      properties: {
        "x-nhi-control": {
          title: "Control metadata",
          description: "ID, title, severity and framework mapping of the custom control.",
          type: "object",
          additionalProperties: false,
          required: ["id", "title", "severity"],
          properties: {
            id: {
              title: "Control ID",
              description: "Your control ID, e.g. ACME-001. The MCP-NHI- prefix is reserved for built-in controls.",
              type: "string",
              pattern: "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
            },
            title: {
              title: "Title",
              description: "Short title shown with findings.",
              type: "string",
              minLength: 1
            },
            severity: {
              $ref: "#/$defs/severity",
              title: "Severity",
              description: "Default severity of the control\u2019s findings."
            },
            scope: {
              title: "Scope",
              description: "`tool`: checked per tool identity; `server`: per server; `any`: also on identities no server claims when `scope: all`. Default: any.",
              type: "string",
              enum: ["tool", "server", "any"]
            },
            frameworks: {
              title: "Frameworks",
              description: "Framework IDs per framework: NHI, ASI, MCP, MAESTRO, CSF.",
              type: "object",
              additionalProperties: false,
              properties: {
                NHI: {
                  title: "OWASP Non-Human Identities Top 10 IDs",
                  description: "OWASP Non-Human Identities Top 10 framework IDs this control maps to.",
                  type: "array",
                  items: {
                    type: "string",
                    minLength: 1
                  }
                },
                ASI: {
                  title: "OWASP Top 10 for Agentic Applications IDs",
                  description: "OWASP Top 10 for Agentic Applications framework IDs this control maps to.",
                  type: "array",
                  items: {
                    type: "string",
                    minLength: 1
                  }
                },
                MCP: {
                  title: "OWASP MCP Top 10 IDs",
                  description: "OWASP MCP Top 10 framework IDs this control maps to.",
                  type: "array",
                  items: {
                    type: "string",
                    minLength: 1
                  }
                },
                MAESTRO: {
                  title: "CSA MAESTRO layer IDs",
                  description: "CSA MAESTRO layer framework IDs this control maps to.",
                  type: "array",
                  items: {
                    type: "string",
                    minLength: 1
                  }
                },
                CSF: {
                  title: "NIST CSF 2.0 subcategory IDs",
                  description: "NIST CSF 2.0 subcategory framework IDs this control maps to.",
                  type: "array",
                  items: {
                    type: "string",
                    minLength: 1
                  }
                }
              }
            },
            description: {
              title: "Description",
              description: "What the control checks.",
              type: "string"
            },
            fix: {
              title: "Fix",
              description: "How to fix a finding.",
              type: "string"
            }
          }
        }
      },
      additionalProperties: true
    }
  }
};

// action/policy/load-policy.ts
init_errors();
var policySchema = nhi_policy_schema_default;
var BUILTIN_PREFIX = "MCP-NHI-";
var CONTROL_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
var MAX_BYTES = 1024 * 1024;
var MAX_PROBLEMS = 3;
var BUILTIN_IDS = new Set(
  Object.keys(
    nhi_policy_schema_default.properties.controls.properties
  )
);
var validator;
function policyValidator() {
  if (validator === void 0) {
    const ajv2 = new import__2.Ajv2020({ allErrors: true, verbose: true, strict: true });
    validator = ajv2.compile(policySchema);
  }
  return validator;
}
async function loadPolicy(path) {
  let bytes;
  try {
    bytes = await readFile4(path);
  } catch (error) {
    throw new PolicyError(path, readProblem(error));
  }
  if (bytes.length > MAX_BYTES) {
    throw new PolicyError(path, `is ${bytes.length} bytes; a policy file is expected to be under 1 MiB`);
  }
  return parsePolicyText(decode(bytes, path), path);
}
function readProblem(error) {
  const code = error?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory, not a policy file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
function decode(bytes, path) {
  if (bytes[0] === 255 && bytes[1] === 254) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 254 && bytes[1] === 255) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PolicyError(path, "is not UTF-8 text");
  }
}
function parsePolicyText(text, path) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text.replace(/^\uFEFF/, ""), {
    prettyErrors: true,
    uniqueKeys: true,
    lineCounter
  });
  const yamlError = doc.errors[0];
  if (yamlError !== void 0) {
    const position = yamlError.linePos?.[0];
    const reason = (yamlError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    const where = position === void 0 ? "" : ` at line ${position.line}, column ${position.col}`;
    const words = yamlError.code === "MULTIPLE_DOCS" ? 'a policy file holds one YAML document (found a second "---")' : reason;
    throw new PolicyError(path, `invalid YAML${where}: ${words}`);
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === void 0) {
    throw new PolicyError(path, 'is empty; a policy file needs at least "version: 1"');
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new PolicyError(path, `must be a mapping of fields at top level (got ${describeValue(data)})`);
  }
  const validate = policyValidator();
  if (!validate(data)) {
    throw policyError(path, doc, lineCounter, schemaProblems(validate.errors ?? []));
  }
  const raw = data;
  const problems = semanticProblems(raw);
  if (problems.length > 0) throw policyError(path, doc, lineCounter, problems);
  return normalize(raw, path);
}
function normalize(raw, path) {
  const defaults = defaultPolicy();
  const controls = {};
  for (const [id, { enabled, severity, ...parameters }] of Object.entries(raw.controls ?? {})) {
    controls[id] = {
      ...enabled === void 0 ? {} : { enabled },
      ...severity === void 0 ? {} : { severity },
      parameters
    };
  }
  return {
    path,
    scope: raw.scope ?? defaults.scope,
    failOn: raw.failOn ?? defaults.failOn,
    unknown: raw.unknown ?? defaults.unknown,
    controls,
    tags: { ...DEFAULT_TAGS, ...raw.tags },
    servers: (raw.servers ?? []).map(normalizeServer),
    waivers: (raw.waivers ?? []).map(({ control, address, reason, owner, expires }) => ({
      control,
      address,
      reason,
      owner,
      expires
    })),
    customControls: raw.customControls ?? defaults.customControls
  };
}
function normalizeServer(server) {
  return {
    name: server.name,
    select: [...server.select],
    ...server.environment === void 0 ? {} : { environment: server.environment },
    ...server.multiTenant === void 0 ? {} : { multiTenant: server.multiTenant },
    tools: server.tools.map(
      (tool) => ({
        name: tool.name,
        select: [...tool.select],
        ...tool.sensitive === void 0 ? {} : { sensitive: tool.sensitive },
        ...tool.writeCapable === void 0 ? {} : { writeCapable: tool.writeCapable },
        ...tool.scopes === void 0 ? {} : { scopes: [...tool.scopes] }
      })
    )
  };
}
function semanticProblems(raw) {
  const problems = [];
  const customIds = /* @__PURE__ */ new Map();
  (raw.customControls ?? []).forEach((schema, index) => {
    const id = schema["x-nhi-control"].id;
    const path = ["customControls", index, "x-nhi-control", "id"];
    if (id.startsWith(BUILTIN_PREFIX)) {
      problems.push({
        path,
        text: `customControls[${index}] uses the id "${id}", but the ${BUILTIN_PREFIX} prefix is reserved for built-in controls; use your own prefix, e.g. ACME-001`
      });
    } else if (customIds.has(id)) {
      problems.push({
        path,
        text: `customControls[${index}] reuses the id "${id}" of customControls[${customIds.get(id)}]`
      });
    } else {
      customIds.set(id, index);
    }
  });
  problems.push(...customControlSchemaProblems(raw.customControls ?? []));
  const unknownControl = (id) => {
    if (BUILTIN_IDS.has(id) || customIds.has(id)) return void 0;
    if (id.startsWith(BUILTIN_PREFIX)) {
      const ids = [...BUILTIN_IDS];
      return `is not a built-in control (built-in controls are ${ids[0]} to ${ids[ids.length - 1]})`;
    }
    return "is neither a built-in control nor the id of a custom control in customControls";
  };
  for (const [id, setting] of Object.entries(raw.controls ?? {})) {
    const problem = unknownControl(id);
    if (problem !== void 0)
      problems.push({ path: ["controls"], key: id, text: `controls.${id} ${problem}` });
    const patterns = setting.secretNamePatterns;
    if (Array.isArray(patterns)) {
      patterns.forEach((pattern, index) => {
        try {
          new RegExp(pattern, "i");
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          problems.push({
            path: ["controls", id, "secretNamePatterns", index],
            text: `controls.${id}.secretNamePatterns[${index}] is not a valid regular expression (${reason})`
          });
        }
      });
    }
  }
  (raw.waivers ?? []).forEach((waiver, index) => {
    const problem = unknownControl(waiver.control);
    if (problem !== void 0) {
      problems.push({
        path: ["waivers", index, "control"],
        text: `waivers[${index}].control "${waiver.control}" ${problem}`
      });
    }
    if (!isCalendarDate(waiver.expires)) {
      problems.push({
        path: ["waivers", index, "expires"],
        text: `waivers[${index}].expires is not a real calendar date (got "${waiver.expires}")`
      });
    }
  });
  const serverNames = /* @__PURE__ */ new Map();
  (raw.servers ?? []).forEach((server, index) => {
    const first = serverNames.get(server.name);
    if (first === void 0) serverNames.set(server.name, index);
    else {
      problems.push({
        path: ["servers", index, "name"],
        text: `servers[${index}].name "${server.name}" is already the name of servers[${first}]`
      });
    }
    const toolNames = /* @__PURE__ */ new Map();
    server.tools.forEach((tool, toolIndex) => {
      const firstTool = toolNames.get(tool.name);
      if (firstTool === void 0) toolNames.set(tool.name, toolIndex);
      else {
        problems.push({
          path: ["servers", index, "tools", toolIndex, "name"],
          text: `servers[${index}].tools[${toolIndex}].name "${tool.name}" is already the name of servers[${index}].tools[${firstTool}]`
        });
      }
    });
  });
  return problems;
}
function isCalendarDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
var PRODUCT_SCHEMAS = "https://mcp-nhi-guard.dev/schemas/";
var META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
function customControlSchemaProblems(schemas) {
  if (schemas.length === 0) return [];
  const ajv2 = new import__2.Ajv2020({
    allErrors: true,
    $data: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true
  });
  ajv2.addKeyword({ keyword: "x-nhi-control", schemaType: "object" });
  ajv2.addKeyword({ keyword: "x-nhi-message", schemaType: "string" });
  const problems = [];
  schemas.forEach((schema, index) => {
    const id = schema["x-nhi-control"].id;
    const prefix = `customControls[${index}] (${id}) is not a valid JSON Schema:`;
    const dialect = schema.$schema;
    if (dialect !== void 0 && dialect !== META_SCHEMA) {
      problems.push({
        path: ["customControls", index, "$schema"],
        text: `${prefix} $schema ${describeValue(dialect)} is not supported; custom controls are JSON Schema 2020-12 (${META_SCHEMA})`
      });
      return;
    }
    let metaError;
    try {
      if (!ajv2.validateSchema(schema)) metaError = ajv2.errors?.[0];
    } catch (error) {
      problems.push({ path: ["customControls", index], text: `${prefix} ${compileProblem(error)}` });
      return;
    }
    if (metaError !== void 0) {
      const problem = describeError2({
        ...metaError,
        instancePath: `/customControls/${index}${metaError.instancePath}`
      });
      problems.push({ ...problem, text: `${prefix} ${problem.text}` });
      return;
    }
    try {
      ajv2.compile(schema);
    } catch (error) {
      const missing = error.missingSchema;
      if (typeof missing === "string" && missing.startsWith(PRODUCT_SCHEMAS)) return;
      problems.push({ path: ["customControls", index], text: `${prefix} ${compileProblem(error)}` });
    }
  });
  return problems;
}
function compileProblem(error) {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split("\n")[0] ?? message).replace(/^strict mode: /, "").replace(/ \(strict\w+\)$/, "");
  const format2 = /^unknown format "([^"]*)"/.exec(line);
  if (format2 !== null)
    return `unknown format "${format2[1]}" (formats are not checked; use a pattern instead)`;
  if (/^required property ".*" is not defined/.test(line)) return `${line} (declare it under properties too)`;
  return line;
}
function schemaProblems(errors) {
  const problems = [];
  for (const error of errors) {
    if (error.keyword === "propertyNames") continue;
    problems.push(describeError2(error));
  }
  return problems;
}
function describeError2(error) {
  const path = pointerSegments(error.instancePath);
  const field2 = formatPath2(path);
  const subject = field2 === "" ? "the policy" : field2;
  const got = `(got ${describeValue(error.data)})`;
  const params = error.params;
  const propertyName = error.propertyName;
  if (propertyName !== void 0) {
    return {
      path,
      key: propertyName,
      text: `${subject} has the key "${propertyName}", which is not a control ID such as MCP-NHI-005 or ACME-001`
    };
  }
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      if (field2 === "") {
        const hint = missing === "version" ? ' (start the file with "version: 1")' : "";
        return { path, text: `missing required field "${missing}" at top level${hint}` };
      }
      return { path, text: `${field2} is missing required field "${missing}"` };
    }
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const where = field2 === "" ? "at top level" : `in ${field2}`;
      return { path, key: name, text: `unknown field "${name}" ${where}${suggestion(name, error)}` };
    }
    case "enum": {
      const allowed = params.allowedValues.map(String).join(", ");
      return { path, text: `${subject} must be one of ${allowed} ${got}` };
    }
    case "const":
      return { path, text: `${subject} must be ${JSON.stringify(params.allowedValue)} ${got}` };
    case "type":
      return { path, text: `${subject} must be ${typeWords(String(params.type))} ${got}` };
    case "minLength": {
      const limit = Number(params.limit);
      if (limit <= 1) return { path, text: `${subject} must not be empty` };
      return {
        path,
        text: `${subject} must be at least ${limit} characters long (got ${String(error.data).length})`
      };
    }
    case "minItems":
      return {
        path,
        text: `${subject} must list at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`
      };
    case "minimum":
      return { path, text: `${subject} must be at least ${String(params.limit)} ${got}` };
    case "maximum":
      return { path, text: `${subject} must be at most ${String(params.limit)} ${got}` };
    case "pattern":
      return { path, text: `${subject} must be ${patternWords(String(params.pattern))} ${got}` };
    default:
      return { path, text: `${subject} ${error.message ?? "is invalid"}` };
  }
}
function patternWords(pattern) {
  if (pattern === CONTROL_ID.source) return "a control ID such as MCP-NHI-005 or ACME-001";
  if (pattern.includes("[0-9]{4}-")) return "a date written YYYY-MM-DD";
  return `text matching ${pattern}`;
}
function typeWords(type) {
  const words = {
    string: "text",
    integer: "a whole number",
    number: "a number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping of fields"
  };
  return type.split(",").map((t) => words[t] ?? t).join(" or ");
}
function describeValue(value) {
  if (value === null || value === void 0) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value);
  }
  return String(value);
}
function suggestion(name, error) {
  const properties = error.parentSchema?.properties;
  if (properties === void 0) return "";
  const allowed = Object.keys(properties);
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best !== void 0 && bestDistance <= Math.max(2, Math.floor(best.length / 4))) {
    return ` (did you mean "${best}"?)`;
  }
  return allowed.length <= 12 ? ` (allowed: ${allowed.join(", ")})` : "";
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function pointerSegments(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~")).map((part) => /^(0|[1-9]\d*)$/.test(part) ? Number(part) : part);
}
function formatPath2(segments) {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
function policyError(path, doc, lines, problems) {
  const texts = [];
  for (const problem of problems) {
    const line = lineOf(doc, lines, problem);
    const text = line === void 0 ? problem.text : `${problem.text} (line ${line})`;
    if (!texts.includes(text)) texts.push(text);
  }
  const shown = texts.slice(0, MAX_PROBLEMS).join("; ");
  const more = texts.length - MAX_PROBLEMS;
  return new PolicyError(
    path,
    more > 0 ? `${shown}; and ${more} more problem${more === 1 ? "" : "s"}` : shown
  );
}
function lineOf(doc, lines, problem) {
  let node = doc.contents;
  let offset = node?.range?.[0];
  const steps = problem.key === void 0 ? [...problem.path] : [...problem.path, problem.key];
  for (const [index, segment] of steps.entries()) {
    const isKeyStep = problem.key !== void 0 && index === steps.length - 1;
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find(
        (item) => (0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === String(segment)
      );
      if (pair === void 0) break;
      const target = isKeyStep ? pair.key : pair.value;
      node = target;
      offset = target?.range?.[0] ?? offset;
    } else if ((0, import_yaml.isSeq)(node) && typeof segment === "number") {
      node = node.items[segment];
      offset = node?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset === void 0 ? void 0 : lines.linePos(offset).line;
}

// action/report/shared.ts
var FRAMEWORK_ORDER = ["NHI", "ASI", "MCP", "MAESTRO", "CSF"];
function severityRank(severity) {
  const rank = SEVERITIES.indexOf(severity);
  return rank < 0 ? SEVERITIES.length : rank;
}
function isBlocking(finding, summary) {
  if (finding.status === "waived") return false;
  if (finding.status === "unknown" && !summary.unknownBlocks) return false;
  return atOrAbove(finding.severity, summary.failOn);
}
function frameworkKeys(frameworks) {
  const known = FRAMEWORK_ORDER.filter((key) => Object.hasOwn(frameworks, key));
  const other = Object.keys(frameworks).filter((key) => !FRAMEWORK_ORDER.includes(key)).sort();
  return [...known, ...other];
}
function frameworkTags(frameworks) {
  const tags = [];
  for (const key of frameworkKeys(frameworks)) {
    for (const id of frameworks[key] ?? []) {
      const tag = id.toUpperCase().startsWith(key.toUpperCase()) ? id : `${key}:${id}`;
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}
function orderedFrameworks(frameworks) {
  const out = {};
  for (const key of frameworkKeys(frameworks)) out[key] = [...frameworks[key] ?? []];
  return out;
}
function controlsWithFindings(controls, findings) {
  const out = [...controls];
  const seen = new Set(controls.map((control) => control.id));
  for (const finding of findings) {
    if (seen.has(finding.control)) continue;
    seen.add(finding.control);
    out.push({
      id: finding.control,
      title: finding.control,
      severity: finding.severity,
      scope: "any",
      frameworks: finding.frameworks,
      description: finding.message,
      fix: finding.fix,
      origin: "unknown"
    });
  }
  return out;
}
function oneLine(value) {
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\t/g, " ");
}
function plural(count, singular, pluralForm = `${singular}s`) {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
function location(finding) {
  return finding.attribute ? `${finding.address} (${finding.attribute})` : finding.address;
}
function sortFindings(findings, summary) {
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => {
    const block = Number(isBlocking(b.finding, summary)) - Number(isBlocking(a.finding, summary));
    if (block !== 0) return block;
    const sev = severityRank(a.finding.severity) - severityRank(b.finding.severity);
    if (sev !== 0) return sev;
    return compare(a.finding.control, b.finding.control) || compare(a.finding.address, b.finding.address) || compare(a.finding.attribute ?? "", b.finding.attribute ?? "") || a.index - b.index;
  }).map(({ finding }) => finding);
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function groupBy(items, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// action/report/json.ts
function renderJson(report) {
  return `${JSON.stringify(jsonReport(report), null, 2)}
`;
}
function jsonReport(report) {
  return object([
    ["version", report.version],
    [
      "tool",
      object([
        ["name", report.tool.name],
        ["version", report.tool.version]
      ])
    ],
    ["scope", report.scope],
    ["inputs", report.inputs.map(jsonInput)],
    ["findings", report.findings.map(jsonFinding)],
    ["inventory", jsonInventory(report.inventory)],
    ["summary", jsonSummary(report.summary)],
    ["controls", report.controls.map(jsonControl)]
  ]);
}
function jsonInput(input) {
  return object([
    ["path", input.path],
    ["format", input.format],
    ["resources", input.resources],
    ["producer", input.producer],
    ["formatVersion", input.formatVersion]
  ]);
}
function jsonFinding(finding) {
  return object([
    ["control", finding.control],
    ["severity", finding.severity],
    ["status", finding.status],
    ["address", finding.address],
    ["attribute", finding.attribute],
    ["server", finding.server],
    ["tool", finding.tool],
    ["message", finding.message],
    ["fix", finding.fix],
    ["frameworks", orderedFrameworks(finding.frameworks)],
    ["source", finding.source ? jsonSource(finding.source) : void 0],
    ["refs", finding.refs ? [...finding.refs] : void 0],
    [
      "waiver",
      finding.waiver ? object([
        ["reason", finding.waiver.reason],
        ["owner", finding.waiver.owner],
        ["expires", finding.waiver.expires]
      ]) : void 0
    ]
  ]);
}
function jsonSource(source) {
  return object([
    ["file", source.file],
    ["line", source.line],
    ["constructPath", source.constructPath]
  ]);
}
function jsonSummary(summary) {
  const waiver = (use) => object([
    ["control", use.control],
    ["address", use.address],
    ["owner", use.owner],
    ["expires", use.expires],
    ["reason", use.reason]
  ]);
  return object([
    ["verdict", summary.verdict],
    ["failOn", summary.failOn],
    ["unknownBlocks", summary.unknownBlocks],
    ["blocking", summary.blocking],
    [
      "counts",
      object([
        ["fail", summary.counts.fail],
        ["unknown", summary.counts.unknown],
        ["waived", summary.counts.waived]
      ])
    ],
    [
      "bySeverity",
      object([
        ["critical", summary.bySeverity.critical],
        ["high", summary.bySeverity.high],
        ["medium", summary.bySeverity.medium],
        ["low", summary.bySeverity.low]
      ])
    ],
    ["resources", summary.resources],
    ["servers", summary.servers],
    ["tools", summary.tools],
    ["identities", summary.identities],
    ["notes", [...summary.notes ?? []]],
    [
      "waivers",
      object([
        ["applied", summary.waivers.applied.map(waiver)],
        ["expired", summary.waivers.expired.map(waiver)],
        ["unused", summary.waivers.unused.map(waiver)]
      ])
    ]
  ]);
}
function jsonControl(control) {
  return object([
    ["id", control.id],
    ["title", control.title],
    ["severity", control.severity],
    ["scope", control.scope],
    ["frameworks", orderedFrameworks(control.frameworks)],
    ["description", control.description],
    ["fix", control.fix],
    ["parameters", control.parameters === void 0 ? void 0 : sortedJson(control.parameters)],
    ["origin", control.origin]
  ]);
}
var INVENTORY_KEYS = [
  "version",
  "parameters",
  "servers",
  "tools",
  "identities",
  "credentials",
  "workloads",
  "secrets"
];
function jsonInventory(inventory) {
  const record2 = inventory;
  const entries = INVENTORY_KEYS.map((key) => [key, sortedJson(record2[key])]);
  for (const key of Object.keys(record2).sort()) {
    if (!INVENTORY_KEYS.includes(key)) entries.push([key, sortedJson(record2[key])]);
  }
  return object(entries);
}
function sortedJson(value) {
  if (value === void 0 || typeof value === "function" || typeof value === "symbol") return void 0;
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map((item) => sortedJson(item) ?? null);
  const out = {};
  for (const key of Object.keys(value).sort()) {
    const item = sortedJson(value[key]);
    if (item !== void 0) out[key] = item;
  }
  return out;
}
function object(entries) {
  const out = {};
  for (const [key, value] of entries) {
    if (value === void 0) continue;
    out[key] = value;
  }
  return out;
}

// action/report/junit.ts
function xmlEscape(value, attribute2 = false) {
  const legal = value.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    ""
  );
  const escaped = legal.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  return attribute2 ? escaped.replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;") : escaped;
}
function attrs(values) {
  return Object.entries(values).filter((entry) => entry[1] !== void 0).map(([key, value]) => ` ${key}="${xmlEscape(String(value), true)}"`).join("");
}
function renderJunit(report) {
  const controls = controlsWithFindings(report.controls, report.findings);
  const byControl = groupBy(report.findings, (finding) => finding.control);
  const suites = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const control of controls) {
    const findings = byControl.get(control.id) ?? [];
    const suiteFailures = findings.filter((finding) => finding.status === "fail").length;
    const suiteSkipped = findings.length - suiteFailures;
    const suiteTests = Math.max(findings.length, 1);
    tests += suiteTests;
    failures += suiteFailures;
    skipped += suiteSkipped;
    const cases = findings.length === 0 ? [passingCase(control)] : findings.map((finding) => findingCase(control, finding));
    suites.push(
      [
        `  <testsuite${attrs({
          name: `${control.id} ${control.title}`,
          tests: suiteTests,
          failures: suiteFailures,
          errors: 0,
          skipped: suiteSkipped
        })}>`,
        "    <properties>",
        `      <property${attrs({ name: "severity", value: control.severity })}/>`,
        `      <property${attrs({ name: "scope", value: control.scope })}/>`,
        `      <property${attrs({ name: "frameworks", value: frameworkTags(control.frameworks).join(" ") })}/>`,
        `      <property${attrs({ name: "origin", value: control.origin })}/>`,
        "    </properties>",
        ...cases,
        "  </testsuite>"
      ].join("\n")
    );
  }
  const header = `<testsuites${attrs({
    name: report.tool.name,
    tests,
    failures,
    errors: 0,
    skipped
  })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', header, ...suites, "</testsuites>", ""].join("\n");
}
function passingCase(control) {
  return `    <testcase${attrs({ classname: control.id, name: `${control.id}: no findings` })}/>`;
}
function findingCase(control, finding) {
  const open = `    <testcase${attrs({
    classname: control.id,
    name: location(finding),
    file: finding.source?.file,
    line: finding.source?.line
  })}>`;
  const context = [
    finding.server === void 0 ? void 0 : `server: ${finding.server}`,
    finding.tool === void 0 ? void 0 : `tool: ${finding.tool}`
  ].filter((line) => line !== void 0);
  if (finding.status === "fail") {
    const body = [
      finding.message,
      `address: ${location(finding)}`,
      ...context,
      `fix: ${finding.fix}`,
      `frameworks: ${frameworkTags(finding.frameworks).join(", ")}`
    ].join("\n");
    return [
      open,
      `      <failure${attrs({ type: finding.severity, message: finding.message })}>${xmlEscape(body)}</failure>`,
      "    </testcase>"
    ].join("\n");
  }
  let reason;
  if (finding.status === "waived") {
    reason = finding.waiver ? `waived by ${finding.waiver.owner} until ${finding.waiver.expires}: ${finding.waiver.reason}` : "waived";
  } else {
    const refs = finding.refs && finding.refs.length > 0 ? finding.refs.join(", ") : "not known";
    reason = `unknown until apply, decided by: ${refs}`;
  }
  return [
    open,
    `      <skipped${attrs({ message: `${reason} (${finding.message})` })}/>`,
    "    </testcase>"
  ].join("\n");
}

// action/report/markdown.ts
function md(value) {
  return oneLine(value).replace(/[\\`*_[\]~|$]/g, (char) => `\\${char}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/(^|[^\w])@/g, "$1@\u200B");
}
function mdCode(value) {
  return `<code>${md(value)}</code>`;
}
var STATUS_ORDER = { fail: 0, unknown: 1, waived: 2 };
function renderMarkdown(report, options = {}) {
  const full = build(report, { servers: true, details: true });
  const max = options.maxLength;
  if (max === void 0 || full.length <= max) return full;
  const ranked = rankFindings(report);
  const pointer = (hidden) => pointerLine(hidden, report.findings.length, options.detailsUrl);
  const attempt = (count, servers, details) => {
    const shown = new Set(ranked.slice(0, count));
    const text = `${build(report, { shown, servers, details })}${pointer(ranked.length - count)}`;
    return text.length <= max ? text : void 0;
  };
  for (const [servers, details] of [
    [true, true],
    [true, false],
    [false, false]
  ]) {
    if (attempt(0, servers, details) === void 0) continue;
    let low = 0;
    let high = ranked.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (attempt(mid, servers, details) !== void 0) low = mid;
      else high = mid - 1;
    }
    for (let count = low; count >= 0; count--) {
      const text = attempt(count, servers, details);
      if (text !== void 0) return text;
    }
  }
  const tail = pointer(report.findings.length);
  const head = headSection(report);
  if (head.length + tail.length <= max) return head + tail;
  if (tail.length < max) return truncate(head, max - tail.length) + tail;
  return truncate(head, max);
}
function truncate(text, max) {
  if (max <= 0) return "";
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const newline = cut.lastIndexOf("\n");
  if (newline > 0) cut = cut.slice(0, newline + 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 55296 && last <= 56319) cut = cut.slice(0, -1);
  return cut;
}
function pointerLine(hidden, total, detailsUrl) {
  const where = safeUrl(detailsUrl) ? `[Full report](${safeUrl(detailsUrl)})` : "The full report is in the job log and the JSON/SARIF output";
  const what = hidden === 0 ? "apply-time and waiver detail left out" : `${hidden} of ${plural(total, "finding")} not shown in detail`;
  return `
---
\u2702\uFE0F Trimmed to fit: ${what}. ${where}.
`;
}
function safeUrl(url) {
  if (url === void 0 || !/^https?:\/\/[^\s]+$/i.test(url)) return void 0;
  return encodeURI(decodeURISafe(url)).replace(/\(/g, "%28").replace(/\)/g, "%29");
}
function decodeURISafe(url) {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
function rankFindings(report) {
  const summary = report.summary;
  return [...report.findings].sort(
    (a, b) => Number(isBlocking(b, summary)) - Number(isBlocking(a, summary)) || severityRank(a.severity) - severityRank(b.severity) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compare(a.control, b.control) || compare(a.address, b.address) || compare(a.attribute ?? "", b.attribute ?? "")
  );
}
function build(report, plan) {
  const parts = [headSection(report)];
  if (plan.servers) parts.push(serverSection(report));
  parts.push(findingSection(report, plan));
  if (plan.details) {
    parts.push(unknownSection(report, plan.shown));
    parts.push(waiverSection(report));
  } else {
    parts.push(compactTail(report));
  }
  return parts.filter((part) => part !== "").join("\n");
}
function headSection(report) {
  const s = report.summary;
  const threshold = `fail-on: ${s.failOn}${s.unknownBlocks ? ", unknown values block" : ""}`;
  const verdict = s.verdict === "fail" ? `## \u274C mcp-nhi-guard: FAIL

**${plural(s.blocking, "blocking finding")}**${s.failOn === "never" ? "" : ` at or above **${s.failOn}**`} (${threshold}).` : `## \u2705 mcp-nhi-guard: PASS

${s.failOn === "never" ? "Nothing blocks" : `No blocking findings at or above **${s.failOn}**`} (${threshold}).`;
  const checked = `Checked ${plural(report.inputs.length, "input")} (${plural(s.resources, "resource")}, scope \`${report.scope}\`): ${plural(s.servers, "server")}, ${plural(s.tools, "tool")}, ${plural(s.identities, "identity", "identities")}.`;
  const counts = `Findings: ${s.counts.fail} fail, ${s.counts.unknown} unknown, ${s.counts.waived} waived \xB7 critical ${s.bySeverity.critical}, high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low}.`;
  const notes2 = (s.notes ?? []).map((note) => `> [!NOTE]
> ${md(note)}
`).join("\n");
  return `${verdict}

${checked}
${counts}
${notes2 === "" ? "" : `
${notes2}`}`;
}
function serverSection(report) {
  const summary = report.summary;
  const names = report.inventory.servers.map((server) => server.name);
  for (const finding of report.findings) {
    if (finding.server !== void 0 && !names.includes(finding.server)) names.push(finding.server);
  }
  if (names.length === 0) return "";
  const counts = (findings) => {
    const blocking = findings.filter((f) => isBlocking(f, summary)).length;
    return { blocking, other: findings.length - blocking };
  };
  const identities = (addresses) => addresses.length === 0 ? "\u2014" : addresses.map(mdCode).join("<br>");
  const sessions = (addresses) => addresses.length === 0 ? "\u2014" : addresses.map((address) => sessionCell(report, address)).join("<br>");
  const out = ["### Servers", ""];
  for (const name of names) {
    const server = report.inventory.servers.find((candidate) => candidate.name === name);
    const findings = report.findings.filter((finding) => finding.server === name);
    const toolNames = report.inventory.tools.filter((tool) => tool.server === name).map((tool) => tool.name);
    for (const finding of findings) {
      if (finding.tool !== void 0 && !toolNames.includes(finding.tool)) toolNames.push(finding.tool);
    }
    const own = counts(findings.filter((finding) => finding.tool === void 0));
    out.push(
      `#### Server ${mdCode(name)}`,
      "",
      "| Tool | Identities | Blocking findings | Other findings | Session ceiling |"
    );
    out.push("|---|---|--:|--:|---|");
    out.push(
      `| _server itself_ | ${identities(server?.identities ?? [])} | ${mark(own.blocking)} | ${own.other} | ${sessions(
        server?.identities ?? []
      )} |`
    );
    for (const toolName of toolNames) {
      const tool = report.inventory.tools.find((t) => t.server === name && t.name === toolName);
      const c = counts(findings.filter((finding) => finding.tool === toolName));
      out.push(
        `| ${md(toolName)} | ${identities(tool?.identities ?? [])} | ${mark(c.blocking)} | ${c.other} | ${sessions(
          tool?.identities ?? []
        )} |`
      );
    }
    out.push("");
  }
  const unattributed = counts(report.findings.filter((finding) => finding.server === void 0));
  if (unattributed.blocking + unattributed.other > 0) {
    out.push(
      `Not attributed to any server: ${plural(unattributed.blocking, "blocking finding")}, ${unattributed.other} other.`,
      ""
    );
  }
  return out.join("\n");
}
function sessionCell(report, address) {
  const seconds = report.inventory.identities.find(
    (identity) => identity.address === address
  )?.maxSessionSeconds;
  if (seconds === void 0 || seconds === null) return "\u2014";
  if (typeof seconds !== "number") return "\u23F3 after apply";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
function mark(blocking) {
  return blocking > 0 ? `\u274C ${blocking}` : "0";
}
function statusCell(finding, summary) {
  if (finding.status === "waived") return `\u{1F4A4} waived (${finding.severity})`;
  if (finding.status === "unknown") {
    return `\u23F3 unknown (${finding.severity})${isBlocking(finding, summary) ? ", blocking" : ""}`;
  }
  return isBlocking(finding, summary) ? `\u274C **${finding.severity}**` : `\u26A0\uFE0F ${finding.severity}`;
}
var SEVERITY_ICON = { critical: "\u{1F534}", high: "\u{1F7E0}", medium: "\u{1F7E1}", low: "\u{1F535}" };
function findingSection(report, plan) {
  if (report.findings.length === 0) return "### Findings\n\nNo findings. \u{1F389}\n";
  const summary = report.summary;
  const controls = new Map(
    controlsWithFindings(report.controls, report.findings).map((control) => [control.id, control])
  );
  const byControl = groupBy(report.findings, (finding) => finding.control);
  const ordered = [...byControl.entries()].map(([id, findings]) => ({
    control: controls.get(id),
    findings: findings.sort(
      (a, b) => Number(isBlocking(b, summary)) - Number(isBlocking(a, summary)) || severityRank(a.severity) - severityRank(b.severity) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compare(a.address, b.address) || compare(a.attribute ?? "", b.attribute ?? "")
    )
  })).map((group) => ({
    ...group,
    blocking: group.findings.filter((f) => isBlocking(f, summary)).length,
    rank: Math.min(...group.findings.map((f) => severityRank(f.severity)))
  })).sort((a, b) => b.blocking - a.blocking || a.rank - b.rank || compare(a.control.id, b.control.id));
  const out = ["### Findings by control", ""];
  const hidden = [];
  for (const group of ordered) {
    const rows = plan.shown ? group.findings.filter((f) => plan.shown?.has(f)) : group.findings;
    if (rows.length === 0) {
      hidden.push(group);
      continue;
    }
    const { control } = group;
    const severity = control.severity;
    out.push(`#### ${SEVERITY_ICON[severity]} ${md(control.id)}: ${md(control.title)}`);
    const tags = frameworkTags(control.frameworks).map(md).join(", ");
    out.push(
      "",
      `Severity **${severity}** \xB7 ${plural(group.findings.length, "finding")}, ${group.blocking} blocking${tags ? ` \xB7 ${tags}` : ""}`,
      "",
      "| Status | Address | Attribute | Server / tool | Message |",
      "|---|---|---|---|---|"
    );
    for (const finding of rows) {
      const owner = finding.server === void 0 ? "\u2014" : `${md(finding.server)}${finding.tool === void 0 ? "" : ` / ${md(finding.tool)}`}`;
      let message = md(finding.message);
      if (finding.status === "unknown" && finding.refs && finding.refs.length > 0) {
        message += `<br>Decided at apply by ${finding.refs.map(mdCode).join(", ")}`;
      }
      if (finding.status === "waived" && finding.waiver) {
        message += `<br>Waived by ${md(finding.waiver.owner)} until ${md(finding.waiver.expires)}: ${md(
          finding.waiver.reason
        )}`;
      }
      out.push(
        `| ${statusCell(finding, summary)} | ${mdCode(finding.address)} | ${finding.attribute ? mdCode(finding.attribute) : "\u2014"} | ${owner} | ${message} |`
      );
    }
    if (rows.length < group.findings.length) {
      out.push("", `_\u2026and ${group.findings.length - rows.length} more not shown._`);
    }
    const fixes = [...new Set([control.fix, ...rows.map((f) => f.fix)].filter((fix) => fix.trim() !== ""))];
    if (fixes.length === 1) out.push("", `**Fix:** ${md(fixes[0] ?? "")}`);
    else if (fixes.length > 1) {
      out.push("", "**Fix:**", ...fixes.slice(0, 10).map((fix) => `- ${md(fix)}`));
      if (fixes.length > 10) out.push(`- _\u2026and ${fixes.length - 10} more_`);
    }
    out.push("");
  }
  if (hidden.length > 0) {
    out.push(
      plan.shown && hidden.length < ordered.length ? "Not shown in detail:" : "Counts per control:",
      "",
      "| Control | Severity | Findings | Blocking |",
      "|---|---|--:|--:|",
      ...hidden.map(
        (group) => `| ${md(group.control.id)}: ${md(group.control.title)} | ${group.control.severity} | ${group.findings.length} | ${mark(group.blocking)} |`
      ),
      ""
    );
  }
  return out.join("\n");
}
function unknownSection(report, shown) {
  const all = report.findings.filter((finding) => finding.status === "unknown");
  if (all.length === 0) return "";
  const unknown = shown ? all.filter((finding) => shown.has(finding)) : all;
  const consequence = report.summary.unknownBlocks ? "The policy says `unknown: block`, so they block like failures." : "They do not block; set `unknown: block` in the policy to make them block.";
  const byRef = /* @__PURE__ */ new Map();
  for (const finding of unknown) {
    const refs = finding.refs && finding.refs.length > 0 ? finding.refs : ["(not known)"];
    for (const ref of refs) {
      const controls = byRef.get(ref) ?? /* @__PURE__ */ new Set();
      controls.add(finding.control);
      byRef.set(ref, controls);
    }
  }
  const rows = [...byRef.entries()].sort(([a], [b]) => compare(a, b)).map(([ref, controls]) => `| ${mdCode(ref)} | ${[...controls].sort().map(md).join(", ")} |`);
  return [
    `### \u23F3 Decided at apply time (${all.length})`,
    "",
    `These findings depend on values Terraform only knows after apply. ${consequence}`,
    "",
    ...rows.length > 0 ? ["| Resource that supplies the value | Controls |", "|---|---|", ...rows, ""] : [],
    ...unknown.length < all.length ? [`_Not shown: the resources behind ${all.length - unknown.length} of these findings._`, ""] : []
  ].join("\n");
}
function waiverSection(report) {
  const { applied, expired, unused } = report.summary.waivers;
  if (applied.length + expired.length + unused.length === 0) return "";
  const out = ["### Waivers", ""];
  const table = (title, uses, dateLabel) => {
    if (uses.length === 0) return;
    out.push(
      `**${title}** (${uses.length})`,
      "",
      `| Control | Address | Owner | ${dateLabel} | Reason |`,
      "|---|---|---|---|---|",
      ...uses.map(
        (use) => `| ${md(use.control)} | ${mdCode(use.address)} | ${md(use.owner)} | ${md(use.expires)} | ${md(use.reason)} |`
      ),
      ""
    );
  };
  table("Applied", applied, "Expires");
  table("Expired: no longer applied, renew or fix", expired, "Expired");
  table("Unused: matched nothing, remove them", unused, "Expires");
  return out.join("\n");
}
function compactTail(report) {
  const { applied, expired, unused } = report.summary.waivers;
  const lines = [];
  if (report.summary.counts.unknown > 0) {
    lines.push(
      `${plural(report.summary.counts.unknown, "finding")} depend on values known only after apply (${report.summary.unknownBlocks ? "blocking" : "not blocking"}).`
    );
  }
  if (applied.length + expired.length + unused.length > 0) {
    lines.push(`Waivers: ${applied.length} applied, ${expired.length} expired, ${unused.length} unused.`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}

// action/report/sarif.ts
import { createHash as createHash2 } from "node:crypto";
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var DEFAULT_INFORMATION_URI = "https://www.npmjs.com/package/mcp-nhi-guard";
var FINGERPRINT_KEY = "mcpNhiGuardFinding/v1";
var LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note"
};
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0"
};
function renderSarif(report, options = {}) {
  return `${JSON.stringify(sarifLog(report, options), null, 2)}
`;
}
function sarifLog(report, options = {}) {
  const controls = controlsWithFindings(report.controls, report.findings);
  const ruleIndex = new Map(controls.map((control, index) => [control.id, index]));
  const baseUri = options.baseUri === void 0 ? void 0 : withTrailingSlash(options.baseUri);
  const fallbackFile = report.inputs[0]?.path ?? ".";
  const run2 = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        rules: controls.map(sarifRule)
      }
    },
    invocations: [{ executionSuccessful: true }]
  };
  if (baseUri !== void 0) run2.originalUriBaseIds = { SRCROOT: { uri: baseUri } };
  run2.results = report.findings.map(
    (finding) => sarifResult(finding, ruleIndex.get(finding.control) ?? 0, baseUri, fallbackFile)
  );
  run2.properties = {
    verdict: report.summary.verdict,
    failOn: report.summary.failOn,
    blocking: report.summary.blocking,
    scope: report.scope,
    notes: [...report.summary.notes ?? []]
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run2] };
}
function sarifRule(control) {
  const tags = frameworkTags(control.frameworks);
  const frameworksText = tags.length > 0 ? tags.join(", ") : "none";
  return {
    id: control.id,
    name: pascalCase(control.title) || pascalCase(control.id),
    shortDescription: { text: control.title },
    fullDescription: { text: control.description || control.title },
    help: {
      text: `${control.description}

Fix: ${control.fix}

Frameworks: ${frameworksText}`,
      markdown: `${mdEscape(control.description)}

**Fix:** ${mdEscape(control.fix)}

**Frameworks:** ${tags.map(mdEscape).join(", ")}`
    },
    defaultConfiguration: { level: LEVEL[control.severity] },
    properties: {
      tags: [...tags, "security"],
      "security-severity": SECURITY_SEVERITY[control.severity],
      precision: "high",
      "problem.severity": LEVEL[control.severity] === "note" ? "recommendation" : LEVEL[control.severity]
    }
  };
}
function sarifResult(finding, ruleIndex, baseUri, fallbackFile) {
  let text = finding.message;
  if (finding.status === "unknown") {
    const refs = finding.refs && finding.refs.length > 0 ? finding.refs.join(", ") : "not known";
    text += ` Decided at apply time by: ${refs}.`;
  }
  text += ` Fix: ${finding.fix}`;
  const artifactLocation = {
    uri: artifactUri(finding.source?.file ?? fallbackFile, baseUri)
  };
  if (baseUri !== void 0 && !isAbsoluteUri(artifactLocation.uri)) {
    artifactLocation.uriBaseId = "SRCROOT";
  }
  const result = {
    ruleId: finding.control,
    ruleIndex,
    level: finding.status === "unknown" ? "note" : LEVEL[finding.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: finding.source?.line && finding.source.line > 0 ? finding.source.line : 1 }
        },
        logicalLocations: [
          finding.attribute ? { name: finding.attribute, fullyQualifiedName: finding.address, kind: "resource" } : { fullyQualifiedName: finding.address, kind: "resource" }
        ]
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint2(finding) }
  };
  if (finding.status === "waived") {
    result.suppressions = [
      {
        kind: "external",
        status: "accepted",
        justification: finding.waiver ? `${finding.waiver.reason} (owner ${finding.waiver.owner}, expires ${finding.waiver.expires})` : "waived by policy"
      }
    ];
  }
  const properties = {
    status: finding.status,
    severity: finding.severity,
    address: finding.address
  };
  if (finding.attribute !== void 0) properties.attribute = finding.attribute;
  if (finding.server !== void 0) properties.server = finding.server;
  if (finding.tool !== void 0) properties.tool = finding.tool;
  if (finding.refs && finding.refs.length > 0) properties.refs = [...finding.refs];
  if (finding.source?.constructPath) properties.constructPath = finding.source.constructPath;
  result.properties = properties;
  return result;
}
function fingerprint2(finding) {
  return createHash2("sha256").update(`${finding.control}\0${finding.address}\0${finding.attribute ?? ""}`).digest("hex");
}
function pascalCase(text) {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== "").map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
}
function withTrailingSlash(uri) {
  return uri.endsWith("/") ? uri : `${uri}/`;
}
function isAbsoluteUri(uri) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);
}
function artifactUri(file, baseUri) {
  let path = file.replace(/\\/g, "/");
  const windowsDrive = /^[A-Za-z]:\//.test(path);
  if (path.startsWith("/") || windowsDrive) {
    const fileUri = `file://${windowsDrive ? "/" : ""}${encodePath(path)}`;
    if (baseUri?.startsWith("file://") && fileUri.startsWith(baseUri)) return fileUri.slice(baseUri.length);
    return fileUri;
  }
  while (path.startsWith("./")) path = path.slice(2);
  return encodePath(path) || ".";
}
function encodePath(path) {
  return path.split("/").map((segment) => /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)).join("/");
}
function mdEscape(text) {
  return text.replace(/[\\`*_[\]|]/g, (char) => `\\${char}`).replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// action/report/text.ts
var ANSI = {
  reset: "\x1B[0m",
  bold: "\x1B[1m",
  dim: "\x1B[2m",
  red: "\x1B[31m",
  green: "\x1B[32m",
  yellow: "\x1B[33m",
  blue: "\x1B[34m",
  magenta: "\x1B[35m",
  cyan: "\x1B[36m"
};
var SEVERITY_STYLE = {
  critical: ["bold", "red"],
  high: ["red"],
  medium: ["yellow"],
  low: ["cyan"]
};
var LABEL_WIDTH = "CRITICAL".length;
function renderText(report, options) {
  const paint = (text, ...styles) => options.color && styles.length > 0 ? `${styles.map((s) => ANSI[s]).join("")}${text}${ANSI.reset}` : text;
  const summary = report.summary;
  const lines = [];
  lines.push(verdictLine(report, paint));
  lines.push(
    paint(
      [
        `${report.tool.name} ${report.tool.version}`,
        `scope ${report.scope}`,
        `${plural(report.inputs.length, "input")}, ${plural(summary.resources, "resource")}`,
        `${plural(summary.servers, "server")}, ${plural(summary.tools, "tool")}, ${plural(summary.identities, "identity", "identities")}`
      ].join(" \xB7 "),
      "dim"
    )
  );
  for (const note of summary.notes ?? []) lines.push(paint(`note: ${oneLine(note)}`, "yellow"));
  let fixesShown = /* @__PURE__ */ new Set();
  const findingLines = (finding, indent, extra) => {
    const showFix = !fixesShown.has(finding.control);
    fixesShown.add(finding.control);
    const label = finding.severity.toUpperCase().padEnd(LABEL_WIDTH);
    const marker = isBlocking(finding, summary) ? "\u2716" : "\u2022";
    const pad = " ".repeat(2 + LABEL_WIDTH + 1);
    return [
      `${indent}${paint(marker, ...SEVERITY_STYLE[finding.severity])} ${paint(label, ...SEVERITY_STYLE[finding.severity])} ${paint(
        oneLine(finding.control),
        "bold"
      )}  ${oneLine(location(finding))}  ${oneLine(finding.message)}`,
      ...extra.map((line) => `${indent}${pad}${line}`),
      ...showFix ? [`${indent}${pad}${paint(`fix: ${oneLine(finding.fix)}`, "dim")}`] : []
    ];
  };
  const failed = report.findings.filter((finding) => finding.status === "fail");
  const unknown = report.findings.filter((finding) => finding.status === "unknown");
  const waived = report.findings.filter((finding) => finding.status === "waived");
  if (failed.length > 0) {
    lines.push("", paint(`Findings (${failed.length})`, "bold"));
    for (const group of attributionGroups(report, failed)) {
      lines.push(
        group.server === void 0 ? paint("unattributed", "bold") : paint(`server ${oneLine(group.server)}`, "bold")
      );
      for (const sub of group.subgroups) {
        let indent = "  ";
        if (group.server !== void 0) {
          lines.push(`  ${sub.tool === void 0 ? "server-level" : `tool ${oneLine(sub.tool)}`}`);
          indent = "    ";
        }
        fixesShown = /* @__PURE__ */ new Set();
        for (const finding of sortFindings(sub.findings, summary))
          lines.push(...findingLines(finding, indent, []));
      }
    }
  } else if (report.findings.length === 0) {
    lines.push("", paint("No findings.", "green"));
  }
  if (unknown.length > 0) {
    const consequence = summary.unknownBlocks ? "they block like failures (policy unknown: block)" : "reported, not blocking (set unknown: block in the policy to block on them)";
    lines.push(
      "",
      paint(`Decided at apply time (${unknown.length})`, "bold"),
      paint(`  These depend on values Terraform only knows after apply; ${consequence}.`, "dim")
    );
    fixesShown = /* @__PURE__ */ new Set();
    for (const finding of sortFindings(unknown, summary)) {
      const refs = finding.refs && finding.refs.length > 0 ? finding.refs.map(oneLine).join(", ") : "not known";
      lines.push(...findingLines(finding, "  ", [`decided by: ${refs}`]));
    }
  }
  if (waived.length > 0) {
    lines.push("", paint(`Waived (${waived.length})`, "bold"));
    for (const finding of sortFindings(waived, summary)) {
      const waiver = finding.waiver;
      const extra = waiver ? [
        `waived: ${oneLine(waiver.reason)} (owner ${oneLine(waiver.owner)}, expires ${oneLine(waiver.expires)})`
      ] : ["waived"];
      lines.push(...findingLines(finding, "  ", extra));
    }
  }
  const { expired, unused } = summary.waivers;
  if (expired.length > 0 || unused.length > 0) {
    lines.push("", paint("Waivers to clean up", "bold"));
    for (const waiver of expired)
      lines.push(`  ${paint("expired", "yellow")}  ${waiverLine(waiver, "expired")}`);
    for (const waiver of unused) lines.push(`  ${paint("unused ", "dim")}  ${waiverLine(waiver, "expires")}`);
  }
  lines.push("", summaryLine(summary, paint));
  return `${lines.join("\n")}
`;
}
function verdictLine(report, paint) {
  const summary = report.summary;
  const threshold = `fail-on: ${summary.failOn}${summary.unknownBlocks ? ", unknown: block" : ""}`;
  if (summary.verdict === "fail") {
    return `${paint("FAIL", "bold", "red")}  ${plural(summary.blocking, "blocking finding")} (${threshold})`;
  }
  return `${paint("PASS", "bold", "green")}  no blocking findings (${threshold})`;
}
function waiverLine(waiver, dateLabel) {
  return `${oneLine(waiver.control)} on ${oneLine(waiver.address)} (owner ${oneLine(waiver.owner)}, ${dateLabel} ${oneLine(
    waiver.expires
  )}): ${oneLine(waiver.reason)}`;
}
function summaryLine(summary, paint) {
  const { fail, unknown, waived } = summary.counts;
  const severities = Object.keys(SEVERITY_STYLE).map((severity) => paint(`${severity} ${summary.bySeverity[severity] ?? 0}`, ...SEVERITY_STYLE[severity])).join(", ");
  return `Summary: ${fail} fail (${summary.blocking} blocking), ${unknown} unknown, ${waived} waived \xB7 ${severities}`;
}
function attributionGroups(report, findings) {
  const serverOrder = report.inventory.servers.map((server) => server.name);
  const byServer = groupBy(findings, (finding) => finding.server);
  const servers = [...byServer.keys()].filter((server) => server !== void 0).sort((a, b) => orderIndex(serverOrder, a) - orderIndex(serverOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
  const groups = [];
  for (const server of servers) {
    const toolOrder = report.inventory.tools.filter((tool) => tool.server === server).map((tool) => tool.name);
    const byTool = groupBy(byServer.get(server) ?? [], (finding) => finding.tool);
    const tools = [...byTool.keys()].filter((tool) => tool !== void 0).sort((a, b) => orderIndex(toolOrder, a) - orderIndex(toolOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
    if (byTool.has(void 0)) tools.unshift(void 0);
    groups.push({ server, subgroups: tools.map((tool) => ({ tool, findings: byTool.get(tool) ?? [] })) });
  }
  const unattributed = byServer.get(void 0);
  if (unattributed)
    groups.push({ server: void 0, subgroups: [{ tool: void 0, findings: unattributed }] });
  return groups;
}
function orderIndex(order, name) {
  const index = order.indexOf(name);
  return index < 0 ? order.length : index;
}

// action/report/index.ts
var REPORT_FORMATS = ["text", "json", "markdown", "sarif", "junit"];
function renderReport(report, format2, options = {}) {
  switch (format2) {
    case "text":
      return renderText(report, { color: options.color ?? false });
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report, { maxLength: options.maxLength, detailsUrl: options.detailsUrl });
    case "sarif":
      return renderSarif(report, { baseUri: options.baseUri, informationUri: options.informationUri });
    case "junit":
      return renderJunit(report);
    default: {
      const unknown = format2;
      throw new Error(`unknown report format: ${String(unknown)}`);
    }
  }
}

// action/cli.ts
var EXIT_PASS = 0;
var EXIT_BLOCKED = 1;
var EXIT_ERROR = 2;
var USAGE = `Usage: mcp-nhi-guard check <path>... [options]

Judge Terraform plans, binary plans, cdktf.out folders or folders of .tf files against the
NHI controls for MCP servers.

Options:
  --policy FILE        policy file (YAML or JSON, schemas/nhi-policy.schema.json)
  --scope mcp|all      judge identities MCP servers claim (default) or every identity
  --format FORMAT      ${REPORT_FORMATS.join(" | ")} (default: text)
  --output FILE        write the report to FILE instead of standard output
  --fail-on LEVEL      ${SEVERITIES.join(" | ")} | never (default: the policy's, else high)
  --date YYYY-MM-DD    judge as of this date (review-by dates, waiver expiry); default today
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no blocking finding, 1 blocking findings, 2 input, policy or usage error.
`;
async function runCli(argv, io) {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`mcp-nhi-guard: ${describeError(error)}
`);
    if (!(error instanceof UserError) && process.env.MCP_NHI_GUARD_DEBUG)
      io.stderr(`${error.stack}
`);
    return EXIT_ERROR;
  }
}
async function run(argv, io) {
  const { values, positionals } = parseOptions(argv);
  if (values.version) {
    io.stdout(`${package_default.version}
`);
    return EXIT_PASS;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(USAGE);
    return positionals.length === 0 && !values.help ? EXIT_ERROR : EXIT_PASS;
  }
  const [command, ...paths] = positionals;
  if (command !== "check")
    throw new UsageError(`unknown command "${command}" (expected "check"); see --help`);
  if (paths.length === 0)
    throw new UsageError(
      "check needs at least one path: a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files"
    );
  const format2 = oneOf("--format", values.format ?? "text", REPORT_FORMATS);
  const scope = values.scope === void 0 ? void 0 : oneOf("--scope", values.scope, ["mcp", "all"]);
  const failOn = values["fail-on"] === void 0 ? void 0 : oneOf("--fail-on", values["fail-on"], [...SEVERITIES, "never"]);
  const today = values.date;
  if (today !== void 0 && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError(`--date must be YYYY-MM-DD (got "${today}")`);
  const policy = values.policy ? await loadPolicy(values.policy) : void 0;
  const { report, redactor } = await checkPaths(paths, {
    ...policy ? { policy } : {},
    ...scope ? { scope } : {},
    ...failOn ? { failOn } : {},
    ...today ? { today } : {}
  });
  const color = io.color && !values.output && format2 === "text";
  const rendered = redactor.scrub(renderReport(report, format2, { color }));
  if (values.output) {
    await writeFile(values.output, rendered).catch((error) => {
      throw new UsageError(`${values.output}: cannot write the report (${error.code ?? error.message})`);
    });
    const { verdict, blocking } = report.summary;
    io.stdout(
      `mcp-nhi-guard: ${verdict.toUpperCase()} (${blocking} blocking, ${report.findings.length} findings) \u2192 ${values.output}
`
    );
  } else {
    io.stdout(rendered.endsWith("\n") ? rendered : `${rendered}
`);
  }
  return report.summary.verdict === "fail" ? EXIT_BLOCKED : EXIT_PASS;
}
function parseOptions(argv) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: "string" },
        scope: { type: "string" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        "fail-on": { type: "string" },
        date: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" }
      }
    });
  } catch (error) {
    throw new UsageError(`${error.message.split("\n")[0]}; see --help`);
  }
}
function oneOf(flag, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

// action/cli-bin.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});

import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  __commonJS
} from "./chunk-COG2Z3BJ.js";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
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

// action/controls/control-validators.ts
var controlValidators = /* @__PURE__ */ new WeakMap();

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

export {
  controlValidators,
  require_ucs2length,
  DEFAULT_TAGS,
  defaultPolicy
};

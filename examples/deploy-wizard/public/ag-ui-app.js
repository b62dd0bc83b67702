var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all) __defProp(target, name, { get: all[name], enumerable: true });
};

// node_modules/.pnpm/uuid@11.1.1/node_modules/uuid/dist/esm-browser/stringify.js
var byteToHex = [];
for (let i = 0; i < 256; ++i) {
  byteToHex.push((i + 256).toString(16).slice(1));
}
function unsafeStringify(arr, offset = 0) {
  return (
    byteToHex[arr[offset + 0]] +
    byteToHex[arr[offset + 1]] +
    byteToHex[arr[offset + 2]] +
    byteToHex[arr[offset + 3]] +
    '-' +
    byteToHex[arr[offset + 4]] +
    byteToHex[arr[offset + 5]] +
    '-' +
    byteToHex[arr[offset + 6]] +
    byteToHex[arr[offset + 7]] +
    '-' +
    byteToHex[arr[offset + 8]] +
    byteToHex[arr[offset + 9]] +
    '-' +
    byteToHex[arr[offset + 10]] +
    byteToHex[arr[offset + 11]] +
    byteToHex[arr[offset + 12]] +
    byteToHex[arr[offset + 13]] +
    byteToHex[arr[offset + 14]] +
    byteToHex[arr[offset + 15]]
  ).toLowerCase();
}

// node_modules/.pnpm/uuid@11.1.1/node_modules/uuid/dist/esm-browser/rng.js
var getRandomValues;
var rnds8 = new Uint8Array(16);
function rng() {
  if (!getRandomValues) {
    if (typeof crypto === 'undefined' || !crypto.getRandomValues) {
      throw new Error(
        'crypto.getRandomValues() not supported. See https://github.com/uuidjs/uuid#getrandomvalues-not-supported',
      );
    }
    getRandomValues = crypto.getRandomValues.bind(crypto);
  }
  return getRandomValues(rnds8);
}

// node_modules/.pnpm/uuid@11.1.1/node_modules/uuid/dist/esm-browser/native.js
var randomUUID = typeof crypto !== 'undefined' && crypto.randomUUID && crypto.randomUUID.bind(crypto);
var native_default = { randomUUID };

// node_modules/.pnpm/uuid@11.1.1/node_modules/uuid/dist/esm-browser/v4.js
function v4(options, buf, offset) {
  if (native_default.randomUUID && !buf && !options) {
    return native_default.randomUUID();
  }
  options = options || {};
  const rnds = options.random ?? options.rng?.() ?? rng();
  if (rnds.length < 16) {
    throw new Error('Random bytes length must be >= 16');
  }
  rnds[6] = (rnds[6] & 15) | 64;
  rnds[8] = (rnds[8] & 63) | 128;
  if (buf) {
    offset = offset || 0;
    if (offset < 0 || offset + 16 > buf.length) {
      throw new RangeError(`UUID byte range ${offset}:${offset + 15} is out of buffer bounds`);
    }
    for (let i = 0; i < 16; ++i) {
      buf[offset + i] = rnds[i];
    }
    return buf;
  }
  return unsafeStringify(rnds);
}
var v4_default = v4;

// node_modules/.pnpm/@ag-ui+core@1.0.0_zod@3.25.76/node_modules/@ag-ui/core/dist/version-CTNE2I0_.mjs
var EventType = /* @__PURE__ */ ((EventType2) => {
  EventType2['TEXT_MESSAGE_START'] = 'TEXT_MESSAGE_START';
  EventType2['TEXT_MESSAGE_CONTENT'] = 'TEXT_MESSAGE_CONTENT';
  EventType2['TEXT_MESSAGE_END'] = 'TEXT_MESSAGE_END';
  EventType2['TEXT_MESSAGE_CHUNK'] = 'TEXT_MESSAGE_CHUNK';
  EventType2['TOOL_CALL_START'] = 'TOOL_CALL_START';
  EventType2['TOOL_CALL_ARGS'] = 'TOOL_CALL_ARGS';
  EventType2['TOOL_CALL_END'] = 'TOOL_CALL_END';
  EventType2['TOOL_CALL_CHUNK'] = 'TOOL_CALL_CHUNK';
  EventType2['TOOL_CALL_RESULT'] = 'TOOL_CALL_RESULT';
  EventType2['STATE_SNAPSHOT'] = 'STATE_SNAPSHOT';
  EventType2['STATE_DELTA'] = 'STATE_DELTA';
  EventType2['MESSAGES_SNAPSHOT'] = 'MESSAGES_SNAPSHOT';
  EventType2['ACTIVITY_SNAPSHOT'] = 'ACTIVITY_SNAPSHOT';
  EventType2['ACTIVITY_DELTA'] = 'ACTIVITY_DELTA';
  EventType2['RAW'] = 'RAW';
  EventType2['CUSTOM'] = 'CUSTOM';
  EventType2['RUN_STARTED'] = 'RUN_STARTED';
  EventType2['RUN_FINISHED'] = 'RUN_FINISHED';
  EventType2['RUN_ERROR'] = 'RUN_ERROR';
  EventType2['STEP_STARTED'] = 'STEP_STARTED';
  EventType2['STEP_FINISHED'] = 'STEP_FINISHED';
  EventType2['REASONING_START'] = 'REASONING_START';
  EventType2['REASONING_MESSAGE_START'] = 'REASONING_MESSAGE_START';
  EventType2['REASONING_MESSAGE_CONTENT'] = 'REASONING_MESSAGE_CONTENT';
  EventType2['REASONING_MESSAGE_END'] = 'REASONING_MESSAGE_END';
  EventType2['REASONING_MESSAGE_CHUNK'] = 'REASONING_MESSAGE_CHUNK';
  EventType2['REASONING_END'] = 'REASONING_END';
  EventType2['REASONING_ENCRYPTED_VALUE'] = 'REASONING_ENCRYPTED_VALUE';
  EventType2['SUBAGENT_STARTED'] = 'SUBAGENT_STARTED';
  EventType2['SUBAGENT_FINISHED'] = 'SUBAGENT_FINISHED';
  EventType2['SUBAGENT_ERROR'] = 'SUBAGENT_ERROR';
  return EventType2;
})({});
var PROTOCOL_VERSION = '1.0';

// node_modules/.pnpm/@ag-ui+core@1.0.0_zod@3.25.76/node_modules/@ag-ui/core/dist/index.mjs
var shapes = {
  TextMessageStartEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'role', 'name'],
    fields: {},
  },
  TextMessageContentEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  TextMessageEndEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  TextMessageChunkEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'messageId', 'role', 'delta', 'name'],
    fields: {},
  },
  ToolCallStartEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'parentMessageId'],
    fields: {},
  },
  ToolCallArgsEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ToolCallEndEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ToolCallChunkEvent: {
    optional: [
      'timestamp',
      'rawEvent',
      'metadata',
      'subagentRunId',
      'toolCallId',
      'toolCallName',
      'parentMessageId',
      'delta',
    ],
    fields: {},
  },
  TextPart: {
    optional: ['id', 'metadata'],
    fields: {},
  },
  DataSource: {
    optional: [],
    fields: {},
  },
  UrlSource: {
    optional: ['mimeType'],
    fields: {},
  },
  FileSource: {
    optional: ['provider', 'mimeType'],
    fields: {},
  },
  PartSource: {
    discriminator: 'type',
    variants: {
      data: 'DataSource',
      url: 'UrlSource',
      file: 'FileSource',
    },
  },
  ImagePart: {
    optional: ['id', 'metadata'],
    fields: { source: 'PartSource' },
  },
  AudioPart: {
    optional: ['id', 'metadata'],
    fields: { source: 'PartSource' },
  },
  VideoPart: {
    optional: ['id', 'metadata'],
    fields: { source: 'PartSource' },
  },
  DocumentPart: {
    optional: ['id', 'metadata'],
    fields: { source: 'PartSource' },
  },
  ContentPart: {
    discriminator: 'type',
    variants: {
      text: 'TextPart',
      image: 'ImagePart',
      audio: 'AudioPart',
      video: 'VideoPart',
      document: 'DocumentPart',
    },
  },
  ToolCallResultEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'role'],
    fields: { content: { array: 'ContentPart' } },
  },
  StateSnapshotEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  AddOperation: {
    optional: [],
    fields: {},
  },
  RemoveOperation: {
    optional: [],
    fields: {},
  },
  ReplaceOperation: {
    optional: [],
    fields: {},
  },
  MoveOperation: {
    optional: [],
    fields: {},
  },
  CopyOperation: {
    optional: [],
    fields: {},
  },
  TestOperation: {
    optional: [],
    fields: {},
  },
  JsonPatchOperation: {
    discriminator: 'op',
    variants: {
      add: 'AddOperation',
      remove: 'RemoveOperation',
      replace: 'ReplaceOperation',
      move: 'MoveOperation',
      copy: 'CopyOperation',
      test: 'TestOperation',
    },
  },
  StateDeltaEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: { delta: { array: 'JsonPatchOperation' } },
  },
  DeveloperMessage: {
    optional: ['subagentRunId', 'name', 'encryptedValue', 'metadata'],
    fields: {},
  },
  SystemMessage: {
    optional: ['subagentRunId', 'name', 'encryptedValue', 'metadata'],
    fields: {},
  },
  FunctionCall: {
    optional: [],
    fields: {},
  },
  ToolCall: {
    optional: ['encryptedValue', 'metadata'],
    fields: { function: 'FunctionCall' },
  },
  AssistantMessage: {
    optional: ['subagentRunId', 'name', 'encryptedValue', 'metadata', 'content', 'toolCalls'],
    fields: { toolCalls: { array: 'ToolCall' } },
  },
  UserMessage: {
    optional: ['subagentRunId', 'name', 'encryptedValue', 'metadata'],
    fields: { content: { array: 'ContentPart' } },
  },
  ToolMessage: {
    optional: ['subagentRunId', 'error', 'encryptedValue', 'metadata'],
    fields: { content: { array: 'ContentPart' } },
  },
  ActivityMessage: {
    optional: ['subagentRunId', 'metadata'],
    fields: {},
  },
  ReasoningMessage: {
    optional: ['subagentRunId', 'encryptedValue', 'metadata'],
    fields: {},
  },
  Message: {
    discriminator: 'role',
    variants: {
      developer: 'DeveloperMessage',
      system: 'SystemMessage',
      assistant: 'AssistantMessage',
      user: 'UserMessage',
      tool: 'ToolMessage',
      activity: 'ActivityMessage',
      reasoning: 'ReasoningMessage',
    },
  },
  MessagesSnapshotEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata'],
    fields: { messages: { array: 'Message' } },
  },
  ActivitySnapshotEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'replace'],
    fields: {},
  },
  ActivityDeltaEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: { patch: { array: 'JsonPatchOperation' } },
  },
  RawEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'source'],
    fields: {},
  },
  CustomEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  Tool: {
    optional: ['parameters', 'metadata'],
    fields: {},
  },
  Context: {
    optional: [],
    fields: {},
  },
  ResumeEntry: {
    optional: ['payload', 'metadata'],
    fields: {},
  },
  RunAgentInput: {
    optional: ['protocolVersion', 'parentRunId', 'state', 'tools', 'context', 'forwardedProps', 'resume'],
    fields: {
      messages: { array: 'Message' },
      tools: { array: 'Tool' },
      context: { array: 'Context' },
      resume: { array: 'ResumeEntry' },
    },
  },
  RunStartedEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'protocolVersion', 'parentRunId', 'input'],
    fields: { input: 'RunAgentInput' },
  },
  RunFinishedSuccessOutcome: {
    optional: ['pendingToolCallIds'],
    fields: {},
  },
  Interrupt: {
    optional: ['subagentRunId', 'message', 'toolCallId', 'responseSchema', 'expiresAt', 'metadata'],
    fields: {},
  },
  RunFinishedInterruptOutcome: {
    optional: [],
    fields: { interrupts: { array: 'Interrupt' } },
  },
  RunFinishedCancelledOutcome: {
    optional: [],
    fields: {},
  },
  RunFinishedOutcome: {
    discriminator: 'type',
    variants: {
      success: 'RunFinishedSuccessOutcome',
      interrupt: 'RunFinishedInterruptOutcome',
      cancelled: 'RunFinishedCancelledOutcome',
    },
  },
  TokenUsage: {
    optional: [
      'provider',
      'model',
      'inputTokens',
      'outputTokens',
      'totalTokens',
      'reasoningTokens',
      'cachedInputTokens',
      'cacheWriteInputTokens',
    ],
    fields: {},
  },
  RunFinishedEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'result', 'outcome', 'usage'],
    fields: {
      outcome: 'RunFinishedOutcome',
      usage: { array: 'TokenUsage' },
    },
  },
  RunErrorEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'code', 'usage'],
    fields: { usage: { array: 'TokenUsage' } },
  },
  StepStartedEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  StepFinishedEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ReasoningStartEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ReasoningMessageStartEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ReasoningMessageContentEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ReasoningMessageEndEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ReasoningMessageChunkEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId', 'messageId', 'delta'],
    fields: {},
  },
  ReasoningEndEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  ReasoningEncryptedValueEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'subagentRunId'],
    fields: {},
  },
  SubagentStartedEvent: {
    optional: [
      'timestamp',
      'rawEvent',
      'metadata',
      'description',
      'parentSubagentRunId',
      'parentToolCallId',
      'parentMessageId',
    ],
    fields: {},
  },
  SubagentFinishedSuccessOutcome: {
    optional: [],
    fields: {},
  },
  SubagentFinishedSuspendedOutcome: {
    optional: ['interruptIds'],
    fields: {},
  },
  SubagentFinishedOutcome: {
    discriminator: 'type',
    variants: {
      success: 'SubagentFinishedSuccessOutcome',
      suspended: 'SubagentFinishedSuspendedOutcome',
    },
  },
  SubagentFinishedEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'result', 'outcome'],
    fields: { outcome: 'SubagentFinishedOutcome' },
  },
  SubagentErrorEvent: {
    optional: ['timestamp', 'rawEvent', 'metadata', 'code'],
    fields: {},
  },
  Event: {
    discriminator: 'type',
    variants: {
      TEXT_MESSAGE_START: 'TextMessageStartEvent',
      TEXT_MESSAGE_CONTENT: 'TextMessageContentEvent',
      TEXT_MESSAGE_END: 'TextMessageEndEvent',
      TEXT_MESSAGE_CHUNK: 'TextMessageChunkEvent',
      TOOL_CALL_START: 'ToolCallStartEvent',
      TOOL_CALL_ARGS: 'ToolCallArgsEvent',
      TOOL_CALL_END: 'ToolCallEndEvent',
      TOOL_CALL_CHUNK: 'ToolCallChunkEvent',
      TOOL_CALL_RESULT: 'ToolCallResultEvent',
      STATE_SNAPSHOT: 'StateSnapshotEvent',
      STATE_DELTA: 'StateDeltaEvent',
      MESSAGES_SNAPSHOT: 'MessagesSnapshotEvent',
      ACTIVITY_SNAPSHOT: 'ActivitySnapshotEvent',
      ACTIVITY_DELTA: 'ActivityDeltaEvent',
      RAW: 'RawEvent',
      CUSTOM: 'CustomEvent',
      RUN_STARTED: 'RunStartedEvent',
      RUN_FINISHED: 'RunFinishedEvent',
      RUN_ERROR: 'RunErrorEvent',
      STEP_STARTED: 'StepStartedEvent',
      STEP_FINISHED: 'StepFinishedEvent',
      REASONING_START: 'ReasoningStartEvent',
      REASONING_MESSAGE_START: 'ReasoningMessageStartEvent',
      REASONING_MESSAGE_CONTENT: 'ReasoningMessageContentEvent',
      REASONING_MESSAGE_END: 'ReasoningMessageEndEvent',
      REASONING_MESSAGE_CHUNK: 'ReasoningMessageChunkEvent',
      REASONING_END: 'ReasoningEndEvent',
      REASONING_ENCRYPTED_VALUE: 'ReasoningEncryptedValueEvent',
      SUBAGENT_STARTED: 'SubagentStartedEvent',
      SUBAGENT_FINISHED: 'SubagentFinishedEvent',
      SUBAGENT_ERROR: 'SubagentErrorEvent',
    },
  },
  SubagentInfo: {
    optional: ['description'],
    fields: {},
  },
  IdentityCapabilities: {
    optional: ['name', 'type', 'description', 'version', 'provider', 'documentationUrl', 'metadata'],
    fields: {},
  },
  TransportCapabilities: {
    optional: ['streaming', 'websocket', 'httpBinary', 'pushNotifications', 'resumable'],
    fields: {},
  },
  ToolsCapabilities: {
    optional: ['supported', 'items', 'parallelCalls', 'clientProvided'],
    fields: { items: { array: 'Tool' } },
  },
  OutputCapabilities: {
    optional: ['structuredOutput', 'supportedMimeTypes'],
    fields: {},
  },
  StateCapabilities: {
    optional: ['snapshots', 'deltas', 'memory', 'persistentState'],
    fields: {},
  },
  MultiAgentCapabilities: {
    optional: ['supported', 'delegation', 'handoffs', 'subagents'],
    fields: { subagents: { array: 'SubagentInfo' } },
  },
  ReasoningCapabilities: {
    optional: ['supported', 'streaming', 'encrypted'],
    fields: {},
  },
  MultimodalInputCapabilities: {
    optional: ['image', 'audio', 'video', 'pdf', 'file'],
    fields: {},
  },
  MultimodalOutputCapabilities: {
    optional: ['image', 'audio'],
    fields: {},
  },
  MultimodalCapabilities: {
    optional: ['input', 'output'],
    fields: {
      input: 'MultimodalInputCapabilities',
      output: 'MultimodalOutputCapabilities',
    },
  },
  ExecutionCapabilities: {
    optional: ['codeExecution', 'sandboxed', 'maxIterations', 'maxExecutionTime'],
    fields: {},
  },
  HumanInTheLoopCapabilities: {
    optional: ['supported', 'approvals', 'interventions', 'feedback', 'interrupts', 'approveWithEdits'],
    fields: {},
  },
  AgentCapabilities: {
    optional: [
      'identity',
      'transport',
      'tools',
      'output',
      'state',
      'multiAgent',
      'reasoning',
      'multimodal',
      'execution',
      'humanInTheLoop',
      'custom',
    ],
    fields: {
      identity: 'IdentityCapabilities',
      transport: 'TransportCapabilities',
      tools: 'ToolsCapabilities',
      output: 'OutputCapabilities',
      state: 'StateCapabilities',
      multiAgent: 'MultiAgentCapabilities',
      reasoning: 'ReasoningCapabilities',
      multimodal: 'MultimodalCapabilities',
      execution: 'ExecutionCapabilities',
      humanInTheLoop: 'HumanInTheLoopCapabilities',
    },
  },
};
function omit(value, shape) {
  if (typeof shape === 'string') return omit(value, shapes[shape]);
  if ('array' in shape) {
    if (!Array.isArray(value)) return value;
    const result2 = value.map((item) => omit(item, shape.array));
    return result2.every((item, index) => item === value[index]) ? value : result2;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const object2 = value;
  if ('discriminator' in shape) {
    const tag = object2[shape.discriminator];
    return typeof tag === 'string' && Object.hasOwn(shape.variants, tag) ? omit(value, shape.variants[tag]) : value;
  }
  let result = object2;
  for (const key of shape.optional)
    if (Object.hasOwn(object2, key) && object2[key] === null) {
      if (result === object2) result = { ...object2 };
      delete result[key];
    }
  for (const [key, child] of Object.entries(shape.fields)) {
    if (!Object.hasOwn(result, key)) continue;
    const next = omit(result[key], child);
    if (next !== result[key]) {
      if (result === object2) result = { ...object2 };
      result[key] = next;
    }
  }
  return result;
}
function omitOptionalNulls(value, root) {
  return omit(value, root);
}
var AGUIError = class extends Error {
  constructor(message) {
    super(message);
  }
};
var AGUIConnectNotImplementedError = class extends AGUIError {
  constructor() {
    super('Connect not implemented. This method is not supported by the current agent.');
  }
};
function mergeMetadata(existing, incoming) {
  if (incoming === void 0) return existing;
  if (existing === void 0) return { ...incoming };
  return {
    ...existing,
    ...incoming,
  };
}
function contentToText(content) {
  if (content === void 0) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
}
function contentHasMedia(content) {
  return Array.isArray(content) && content.some((part) => part.type !== 'text');
}

// node_modules/.pnpm/fast-json-patch@3.1.2/node_modules/fast-json-patch/module/core.mjs
var core_exports = {};
__export(core_exports, {
  JsonPatchError: () => JsonPatchError,
  _areEquals: () => _areEquals,
  applyOperation: () => applyOperation,
  applyPatch: () => applyPatch,
  applyReducer: () => applyReducer,
  deepClone: () => deepClone,
  getValueByPointer: () => getValueByPointer,
  validate: () => validate,
  validator: () => validator,
});

// node_modules/.pnpm/fast-json-patch@3.1.2/node_modules/fast-json-patch/module/helpers.mjs
var __extends = /* @__PURE__ */ (() => {
  var extendStatics2 = (d, b) => {
    extendStatics2 =
      Object.setPrototypeOf ||
      ({ __proto__: [] } instanceof Array &&
        ((d2, b2) => {
          d2.__proto__ = b2;
        })) ||
      ((d2, b2) => {
        for (var p in b2) if (Object.hasOwn(b2, p)) d2[p] = b2[p];
      });
    return extendStatics2(d, b);
  };
  return (d, b) => {
    extendStatics2(d, b);
    function __() {
      this.constructor = d;
    }
    d.prototype = b === null ? Object.create(b) : ((__.prototype = b.prototype), new __());
  };
})();
var _hasOwnProperty = Object.prototype.hasOwnProperty;
function hasOwnProperty(obj, key) {
  return _hasOwnProperty.call(obj, key);
}
function _objectKeys(obj) {
  if (Array.isArray(obj)) {
    var keys_1 = new Array(obj.length);
    for (var k2 = 0; k2 < keys_1.length; k2++) {
      keys_1[k2] = '' + k2;
    }
    return keys_1;
  }
  if (Object.keys) {
    return Object.keys(obj);
  }
  var keys = [];
  for (var i in obj) {
    if (hasOwnProperty(obj, i)) {
      keys.push(i);
    }
  }
  return keys;
}
function _deepClone(obj) {
  switch (typeof obj) {
    case 'object':
      return JSON.parse(JSON.stringify(obj));
    //Faster than ES5 clone - http://jsperf.com/deep-cloning-of-objects/5
    case 'undefined':
      return null;
    //this is how JSON.stringify behaves for array items
    default:
      return obj;
  }
}
function isInteger(str) {
  var i = 0;
  var len = str.length;
  var charCode;
  while (i < len) {
    charCode = str.charCodeAt(i);
    if (charCode >= 48 && charCode <= 57) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}
function escapePathComponent(path) {
  if (path.indexOf('/') === -1 && path.indexOf('~') === -1) return path;
  return path.replace(/~/g, '~0').replace(/\//g, '~1');
}
function unescapePathComponent(path) {
  return path.replace(/~1/g, '/').replace(/~0/g, '~');
}
function hasUndefined(obj) {
  if (obj === void 0) {
    return true;
  }
  if (obj) {
    if (Array.isArray(obj)) {
      for (var i_1 = 0, len = obj.length; i_1 < len; i_1++) {
        if (hasUndefined(obj[i_1])) {
          return true;
        }
      }
    } else if (typeof obj === 'object') {
      var objKeys = _objectKeys(obj);
      var objKeysLength = objKeys.length;
      for (var i = 0; i < objKeysLength; i++) {
        if (hasUndefined(obj[objKeys[i]])) {
          return true;
        }
      }
    }
  }
  return false;
}
function patchErrorMessageFormatter(message, args) {
  var messageParts = [message];
  for (var key in args) {
    var value = typeof args[key] === 'object' ? JSON.stringify(args[key], null, 2) : args[key];
    if (typeof value !== 'undefined') {
      messageParts.push(key + ': ' + value);
    }
  }
  return messageParts.join('\n');
}
var PatchError =
  /** @class */
  ((_super) => {
    __extends(PatchError2, _super);
    function PatchError2(message, name, index, operation, tree) {
      var _newTarget = this.constructor;
      var _this = _super.call(this, patchErrorMessageFormatter(message, { name, index, operation, tree })) || this;
      _this.name = name;
      _this.index = index;
      _this.operation = operation;
      _this.tree = tree;
      Object.setPrototypeOf(_this, _newTarget.prototype);
      _this.message = patchErrorMessageFormatter(message, { name, index, operation, tree });
      return _this;
    }
    return PatchError2;
  })(Error);

// node_modules/.pnpm/fast-json-patch@3.1.2/node_modules/fast-json-patch/module/core.mjs
var JsonPatchError = PatchError;
var deepClone = _deepClone;
var objOps = {
  add: function (obj, key, document2) {
    obj[key] = this.value;
    return { newDocument: document2 };
  },
  remove: (obj, key, document2) => {
    var removed = obj[key];
    delete obj[key];
    return { newDocument: document2, removed };
  },
  replace: function (obj, key, document2) {
    var removed = obj[key];
    obj[key] = this.value;
    return { newDocument: document2, removed };
  },
  move: function (obj, key, document2) {
    var removed = getValueByPointer(document2, this.path);
    if (removed) {
      removed = _deepClone(removed);
    }
    var originalValue = applyOperation(document2, { op: 'remove', path: this.from }).removed;
    applyOperation(document2, { op: 'add', path: this.path, value: originalValue });
    return { newDocument: document2, removed };
  },
  copy: function (obj, key, document2) {
    var valueToCopy = getValueByPointer(document2, this.from);
    applyOperation(document2, { op: 'add', path: this.path, value: _deepClone(valueToCopy) });
    return { newDocument: document2 };
  },
  test: function (obj, key, document2) {
    return { newDocument: document2, test: _areEquals(obj[key], this.value) };
  },
  _get: function (obj, key, document2) {
    this.value = obj[key];
    return { newDocument: document2 };
  },
};
var arrOps = {
  add: function (arr, i, document2) {
    if (isInteger(i)) {
      arr.splice(i, 0, this.value);
    } else {
      arr[i] = this.value;
    }
    return { newDocument: document2, index: i };
  },
  remove: (arr, i, document2) => {
    var removedList = arr.splice(i, 1);
    return { newDocument: document2, removed: removedList[0] };
  },
  replace: function (arr, i, document2) {
    var removed = arr[i];
    arr[i] = this.value;
    return { newDocument: document2, removed };
  },
  move: objOps.move,
  copy: objOps.copy,
  test: objOps.test,
  _get: objOps._get,
};
function getValueByPointer(document2, pointer) {
  if (pointer == '') {
    return document2;
  }
  var getOriginalDestination = { op: '_get', path: pointer };
  applyOperation(document2, getOriginalDestination);
  return getOriginalDestination.value;
}
function applyOperation(document2, operation, validateOperation, mutateDocument, banPrototypeModifications, index) {
  if (validateOperation === void 0) {
    validateOperation = false;
  }
  if (mutateDocument === void 0) {
    mutateDocument = true;
  }
  if (banPrototypeModifications === void 0) {
    banPrototypeModifications = true;
  }
  if (index === void 0) {
    index = 0;
  }
  if (validateOperation) {
    if (typeof validateOperation == 'function') {
      validateOperation(operation, 0, document2, operation.path);
    } else {
      validator(operation, 0);
    }
  }
  if (operation.path === '') {
    var returnValue = { newDocument: document2 };
    if (operation.op === 'add') {
      returnValue.newDocument = operation.value;
      return returnValue;
    } else if (operation.op === 'replace') {
      returnValue.newDocument = operation.value;
      returnValue.removed = document2;
      return returnValue;
    } else if (operation.op === 'move' || operation.op === 'copy') {
      returnValue.newDocument = getValueByPointer(document2, operation.from);
      if (operation.op === 'move') {
        returnValue.removed = document2;
      }
      return returnValue;
    } else if (operation.op === 'test') {
      returnValue.test = _areEquals(document2, operation.value);
      if (returnValue.test === false) {
        throw new JsonPatchError('Test operation failed', 'TEST_OPERATION_FAILED', index, operation, document2);
      }
      returnValue.newDocument = document2;
      return returnValue;
    } else if (operation.op === 'remove') {
      returnValue.removed = document2;
      returnValue.newDocument = null;
      return returnValue;
    } else if (operation.op === '_get') {
      operation.value = document2;
      return returnValue;
    } else {
      if (validateOperation) {
        throw new JsonPatchError(
          'Operation `op` property is not one of operations defined in RFC-6902',
          'OPERATION_OP_INVALID',
          index,
          operation,
          document2,
        );
      } else {
        return returnValue;
      }
    }
  } else {
    if (!mutateDocument) {
      document2 = _deepClone(document2);
    }
    var path = operation.path || '';
    var keys = path.split('/');
    var obj = document2;
    var t = 1;
    var len = keys.length;
    var existingPathFragment = void 0;
    var key = void 0;
    var validateFunction = void 0;
    if (typeof validateOperation == 'function') {
      validateFunction = validateOperation;
    } else {
      validateFunction = validator;
    }
    while (true) {
      key = keys[t];
      if (key && key.indexOf('~') != -1) {
        key = unescapePathComponent(key);
      }
      if (
        banPrototypeModifications &&
        (key == '__proto__' || (key == 'prototype' && t > 0 && keys[t - 1] == 'constructor'))
      ) {
        throw new TypeError(
          'JSON-Patch: modifying `__proto__` or `constructor/prototype` prop is banned for security reasons, if this was on purpose, please set `banPrototypeModifications` flag false and pass it to this function. More info in fast-json-patch README',
        );
      }
      if (validateOperation) {
        if (existingPathFragment === void 0) {
          if (obj[key] === void 0) {
            existingPathFragment = keys.slice(0, t).join('/');
          } else if (t == len - 1) {
            existingPathFragment = operation.path;
          }
          if (existingPathFragment !== void 0) {
            validateFunction(operation, 0, document2, existingPathFragment);
          }
        }
      }
      t++;
      if (Array.isArray(obj)) {
        if (key === '-') {
          key = obj.length;
        } else {
          if (validateOperation && !isInteger(key)) {
            throw new JsonPatchError(
              'Expected an unsigned base-10 integer value, making the new referenced value the array element with the zero-based index',
              'OPERATION_PATH_ILLEGAL_ARRAY_INDEX',
              index,
              operation,
              document2,
            );
          } else if (isInteger(key)) {
            key = ~~key;
          }
        }
        if (t >= len) {
          if (validateOperation && operation.op === 'add' && key > obj.length) {
            throw new JsonPatchError(
              'The specified index MUST NOT be greater than the number of elements in the array',
              'OPERATION_VALUE_OUT_OF_BOUNDS',
              index,
              operation,
              document2,
            );
          }
          var returnValue = arrOps[operation.op].call(operation, obj, key, document2);
          if (returnValue.test === false) {
            throw new JsonPatchError('Test operation failed', 'TEST_OPERATION_FAILED', index, operation, document2);
          }
          return returnValue;
        }
      } else {
        if (t >= len) {
          var returnValue = objOps[operation.op].call(operation, obj, key, document2);
          if (returnValue.test === false) {
            throw new JsonPatchError('Test operation failed', 'TEST_OPERATION_FAILED', index, operation, document2);
          }
          return returnValue;
        }
      }
      obj = obj[key];
      if (validateOperation && t < len && (!obj || typeof obj !== 'object')) {
        throw new JsonPatchError(
          'Cannot perform operation at the desired path',
          'OPERATION_PATH_UNRESOLVABLE',
          index,
          operation,
          document2,
        );
      }
    }
  }
}
function applyPatch(document2, patch, validateOperation, mutateDocument, banPrototypeModifications) {
  if (mutateDocument === void 0) {
    mutateDocument = true;
  }
  if (banPrototypeModifications === void 0) {
    banPrototypeModifications = true;
  }
  if (validateOperation) {
    if (!Array.isArray(patch)) {
      throw new JsonPatchError('Patch sequence must be an array', 'SEQUENCE_NOT_AN_ARRAY');
    }
  }
  if (!mutateDocument) {
    document2 = _deepClone(document2);
  }
  var results = new Array(patch.length);
  for (var i = 0, length_1 = patch.length; i < length_1; i++) {
    results[i] = applyOperation(document2, patch[i], validateOperation, true, banPrototypeModifications, i);
    document2 = results[i].newDocument;
  }
  results.newDocument = document2;
  return results;
}
function applyReducer(document2, operation, index) {
  var operationResult = applyOperation(document2, operation);
  if (operationResult.test === false) {
    throw new JsonPatchError('Test operation failed', 'TEST_OPERATION_FAILED', index, operation, document2);
  }
  return operationResult.newDocument;
}
function validator(operation, index, document2, existingPathFragment) {
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) {
    throw new JsonPatchError('Operation is not an object', 'OPERATION_NOT_AN_OBJECT', index, operation, document2);
  } else if (!objOps[operation.op]) {
    throw new JsonPatchError(
      'Operation `op` property is not one of operations defined in RFC-6902',
      'OPERATION_OP_INVALID',
      index,
      operation,
      document2,
    );
  } else if (typeof operation.path !== 'string') {
    throw new JsonPatchError(
      'Operation `path` property is not a string',
      'OPERATION_PATH_INVALID',
      index,
      operation,
      document2,
    );
  } else if (operation.path.indexOf('/') !== 0 && operation.path.length > 0) {
    throw new JsonPatchError(
      'Operation `path` property must start with "/"',
      'OPERATION_PATH_INVALID',
      index,
      operation,
      document2,
    );
  } else if ((operation.op === 'move' || operation.op === 'copy') && typeof operation.from !== 'string') {
    throw new JsonPatchError(
      'Operation `from` property is not present (applicable in `move` and `copy` operations)',
      'OPERATION_FROM_REQUIRED',
      index,
      operation,
      document2,
    );
  } else if (
    (operation.op === 'add' || operation.op === 'replace' || operation.op === 'test') &&
    operation.value === void 0
  ) {
    throw new JsonPatchError(
      'Operation `value` property is not present (applicable in `add`, `replace` and `test` operations)',
      'OPERATION_VALUE_REQUIRED',
      index,
      operation,
      document2,
    );
  } else if (
    (operation.op === 'add' || operation.op === 'replace' || operation.op === 'test') &&
    hasUndefined(operation.value)
  ) {
    throw new JsonPatchError(
      'Operation `value` property is not present (applicable in `add`, `replace` and `test` operations)',
      'OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED',
      index,
      operation,
      document2,
    );
  } else if (document2) {
    if (operation.op == 'add') {
      var pathLen = operation.path.split('/').length;
      var existingPathLen = existingPathFragment.split('/').length;
      if (pathLen !== existingPathLen + 1 && pathLen !== existingPathLen) {
        throw new JsonPatchError(
          'Cannot perform an `add` operation at the desired path',
          'OPERATION_PATH_CANNOT_ADD',
          index,
          operation,
          document2,
        );
      }
    } else if (operation.op === 'replace' || operation.op === 'remove' || operation.op === '_get') {
      if (operation.path !== existingPathFragment) {
        throw new JsonPatchError(
          'Cannot perform the operation at a path that does not exist',
          'OPERATION_PATH_UNRESOLVABLE',
          index,
          operation,
          document2,
        );
      }
    } else if (operation.op === 'move' || operation.op === 'copy') {
      var existingValue = { op: '_get', path: operation.from, value: void 0 };
      var error40 = validate([existingValue], document2);
      if (error40 && error40.name === 'OPERATION_PATH_UNRESOLVABLE') {
        throw new JsonPatchError(
          'Cannot perform the operation from a path that does not exist',
          'OPERATION_FROM_UNRESOLVABLE',
          index,
          operation,
          document2,
        );
      }
    }
  }
}
function validate(sequence, document2, externalValidator) {
  try {
    if (!Array.isArray(sequence)) {
      throw new JsonPatchError('Patch sequence must be an array', 'SEQUENCE_NOT_AN_ARRAY');
    }
    if (document2) {
      applyPatch(_deepClone(document2), _deepClone(sequence), externalValidator || true);
    } else {
      externalValidator = externalValidator || validator;
      for (var i = 0; i < sequence.length; i++) {
        externalValidator(sequence[i], i, document2, void 0);
      }
    }
  } catch (e) {
    if (e instanceof JsonPatchError) {
      return e;
    } else {
      throw e;
    }
  }
}
function _areEquals(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == 'object' && typeof b == 'object') {
    var arrA = Array.isArray(a),
      arrB = Array.isArray(b),
      i,
      length,
      key;
    if (arrA && arrB) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0; ) if (!_areEquals(a[i], b[i])) return false;
      return true;
    }
    if (arrA != arrB) return false;
    var keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;
    for (i = length; i-- !== 0; ) if (!Object.hasOwn(b, keys[i])) return false;
    for (i = length; i-- !== 0; ) {
      key = keys[i];
      if (!_areEquals(a[key], b[key])) return false;
    }
    return true;
  }
  return a !== a && b !== b;
}

// node_modules/.pnpm/fast-json-patch@3.1.2/node_modules/fast-json-patch/module/duplex.mjs
var duplex_exports = {};
__export(duplex_exports, {
  compare: () => compare,
  generate: () => generate,
  observe: () => observe,
  unobserve: () => unobserve,
});
var beforeDict = /* @__PURE__ */ new WeakMap();
var Mirror =
  /** @class */
  /* @__PURE__ */ (() => {
    function Mirror2(obj) {
      this.observers = /* @__PURE__ */ new Map();
      this.obj = obj;
    }
    return Mirror2;
  })();
var ObserverInfo =
  /** @class */
  /* @__PURE__ */ (() => {
    function ObserverInfo2(callback, observer) {
      this.callback = callback;
      this.observer = observer;
    }
    return ObserverInfo2;
  })();
function getMirror(obj) {
  return beforeDict.get(obj);
}
function getObserverFromMirror(mirror, callback) {
  return mirror.observers.get(callback);
}
function removeObserverFromMirror(mirror, observer) {
  mirror.observers.delete(observer.callback);
}
function unobserve(root, observer) {
  observer.unobserve();
}
function observe(obj, callback) {
  var patches = [];
  var observer;
  var mirror = getMirror(obj);
  if (!mirror) {
    mirror = new Mirror(obj);
    beforeDict.set(obj, mirror);
  } else {
    var observerInfo = getObserverFromMirror(mirror, callback);
    observer = observerInfo && observerInfo.observer;
  }
  if (observer) {
    return observer;
  }
  observer = {};
  mirror.value = _deepClone(obj);
  if (callback) {
    observer.callback = callback;
    observer.next = null;
    var dirtyCheck = () => {
      generate(observer);
    };
    var fastCheck = () => {
      clearTimeout(observer.next);
      observer.next = setTimeout(dirtyCheck);
    };
    if (typeof window !== 'undefined') {
      window.addEventListener('mouseup', fastCheck);
      window.addEventListener('keyup', fastCheck);
      window.addEventListener('mousedown', fastCheck);
      window.addEventListener('keydown', fastCheck);
      window.addEventListener('change', fastCheck);
    }
  }
  observer.patches = patches;
  observer.object = obj;
  observer.unobserve = () => {
    generate(observer);
    clearTimeout(observer.next);
    removeObserverFromMirror(mirror, observer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('mouseup', fastCheck);
      window.removeEventListener('keyup', fastCheck);
      window.removeEventListener('mousedown', fastCheck);
      window.removeEventListener('keydown', fastCheck);
      window.removeEventListener('change', fastCheck);
    }
  };
  mirror.observers.set(callback, new ObserverInfo(callback, observer));
  return observer;
}
function generate(observer, invertible) {
  if (invertible === void 0) {
    invertible = false;
  }
  var mirror = beforeDict.get(observer.object);
  _generate(mirror.value, observer.object, observer.patches, '', invertible);
  if (observer.patches.length) {
    applyPatch(mirror.value, observer.patches);
  }
  var temp = observer.patches;
  if (temp.length > 0) {
    observer.patches = [];
    if (observer.callback) {
      observer.callback(temp);
    }
  }
  return temp;
}
function _generate(mirror, obj, patches, path, invertible) {
  if (obj === mirror) {
    return;
  }
  if (typeof obj.toJSON === 'function') {
    obj = obj.toJSON();
  }
  var newKeys = _objectKeys(obj);
  var oldKeys = _objectKeys(mirror);
  var changed = false;
  var deleted = false;
  for (var t = oldKeys.length - 1; t >= 0; t--) {
    var key = oldKeys[t];
    var oldVal = mirror[key];
    if (hasOwnProperty(obj, key) && !(obj[key] === void 0 && oldVal !== void 0 && Array.isArray(obj) === false)) {
      var newVal = obj[key];
      if (
        typeof oldVal == 'object' &&
        oldVal != null &&
        typeof newVal == 'object' &&
        newVal != null &&
        Array.isArray(oldVal) === Array.isArray(newVal)
      ) {
        _generate(oldVal, newVal, patches, path + '/' + escapePathComponent(key), invertible);
      } else {
        if (oldVal !== newVal) {
          changed = true;
          if (invertible) {
            patches.push({ op: 'test', path: path + '/' + escapePathComponent(key), value: _deepClone(oldVal) });
          }
          patches.push({ op: 'replace', path: path + '/' + escapePathComponent(key), value: _deepClone(newVal) });
        }
      }
    } else if (Array.isArray(mirror) === Array.isArray(obj)) {
      if (invertible) {
        patches.push({ op: 'test', path: path + '/' + escapePathComponent(key), value: _deepClone(oldVal) });
      }
      patches.push({ op: 'remove', path: path + '/' + escapePathComponent(key) });
      deleted = true;
    } else {
      if (invertible) {
        patches.push({ op: 'test', path, value: mirror });
      }
      patches.push({ op: 'replace', path, value: obj });
      changed = true;
    }
  }
  if (!deleted && newKeys.length == oldKeys.length) {
    return;
  }
  for (var t = 0; t < newKeys.length; t++) {
    var key = newKeys[t];
    if (!hasOwnProperty(mirror, key) && obj[key] !== void 0) {
      patches.push({ op: 'add', path: path + '/' + escapePathComponent(key), value: _deepClone(obj[key]) });
    }
  }
}
function compare(tree1, tree2, invertible) {
  if (invertible === void 0) {
    invertible = false;
  }
  var patches = [];
  _generate(tree1, tree2, patches, '', invertible);
  return patches;
}

// node_modules/.pnpm/fast-json-patch@3.1.2/node_modules/fast-json-patch/index.mjs
var fast_json_patch_default = Object.assign({}, core_exports, duplex_exports, {
  JsonPatchError: PatchError,
  deepClone: _deepClone,
  escapePathComponent,
  unescapePathComponent,
});

// node_modules/.pnpm/tslib@2.9.1/node_modules/tslib/tslib.es6.mjs
var extendStatics = (d, b) => {
  extendStatics =
    Object.setPrototypeOf ||
    ({ __proto__: [] } instanceof Array &&
      ((d2, b2) => {
        d2.__proto__ = b2;
      })) ||
    ((d2, b2) => {
      for (var p in b2) if (Object.hasOwn(b2, p)) d2[p] = b2[p];
    });
  return extendStatics(d, b);
};
function __extends2(d, b) {
  if (typeof b !== 'function' && b !== null)
    throw new TypeError('Class extends value ' + String(b) + ' is not a constructor or null');
  extendStatics(d, b);
  function __() {
    this.constructor = d;
  }
  d.prototype = b === null ? Object.create(b) : ((__.prototype = b.prototype), new __());
}
function __awaiter(thisArg, _arguments, P2, generator) {
  function adopt(value) {
    return value instanceof P2
      ? value
      : new P2((resolve) => {
          resolve(value);
        });
  }
  return new (P2 || (P2 = Promise))((resolve, reject) => {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator['throw'](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
}
function __generator(thisArg, body) {
  var _ = {
      label: 0,
      sent: () => {
        if (t[0] & 1) throw t[1];
        return t[1];
      },
      trys: [],
      ops: [],
    },
    f,
    y,
    t,
    g = Object.create((typeof Iterator === 'function' ? Iterator : Object).prototype);
  return (
    (g.next = verb(0)),
    (g['throw'] = verb(1)),
    (g['return'] = verb(2)),
    typeof Symbol === 'function' &&
      (g[Symbol.iterator] = function () {
        return this;
      }),
    g
  );
  function verb(n) {
    return (v) => step([n, v]);
  }
  function step(op) {
    if (f) throw new TypeError('Generator is already executing.');
    while ((g && ((g = 0), op[0] && (_ = 0)), _))
      try {
        if (
          ((f = 1),
          y &&
            (t = op[0] & 2 ? y['return'] : op[0] ? y['throw'] || ((t = y['return']) && t.call(y), 0) : y.next) &&
            !(t = t.call(y, op[1])).done)
        )
          return t;
        if (((y = 0), t)) op = [op[0] & 2, t.value];
        switch (op[0]) {
          case 0:
          case 1:
            t = op;
            break;
          case 4:
            _.label++;
            return { value: op[1], done: false };
          case 5:
            _.label++;
            y = op[1];
            op = [0];
            continue;
          case 7:
            op = _.ops.pop();
            _.trys.pop();
            continue;
          default:
            if (!((t = _.trys), (t = t.length > 0 && t[t.length - 1])) && (op[0] === 6 || op[0] === 2)) {
              _ = 0;
              continue;
            }
            if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) {
              _.label = op[1];
              break;
            }
            if (op[0] === 6 && _.label < t[1]) {
              _.label = t[1];
              t = op;
              break;
            }
            if (t && _.label < t[2]) {
              _.label = t[2];
              _.ops.push(op);
              break;
            }
            if (t[2]) _.ops.pop();
            _.trys.pop();
            continue;
        }
        op = body.call(thisArg, _);
      } catch (e) {
        op = [6, e];
        y = 0;
      } finally {
        f = t = 0;
      }
    if (op[0] & 5) throw op[1];
    return { value: op[0] ? op[1] : void 0, done: true };
  }
}
function __values(o) {
  var s = typeof Symbol === 'function' && Symbol.iterator,
    m = s && o[s],
    i = 0;
  if (m) return m.call(o);
  if (o && typeof o.length === 'number')
    return {
      next: () => {
        if (o && i >= o.length) o = void 0;
        return { value: o && o[i++], done: !o };
      },
    };
  throw new TypeError(s ? 'Object is not iterable.' : 'Symbol.iterator is not defined.');
}
function __read(o, n) {
  var m = typeof Symbol === 'function' && o[Symbol.iterator];
  if (!m) return o;
  var i = m.call(o),
    r2,
    ar = [],
    e;
  try {
    while ((n === void 0 || n-- > 0) && !(r2 = i.next()).done) ar.push(r2.value);
  } catch (error40) {
    e = { error: error40 };
  } finally {
    try {
      if (r2 && !r2.done && (m = i['return'])) m.call(i);
    } finally {
      if (e) throw e.error;
    }
  }
  return ar;
}
function __spreadArray(to, from2, pack) {
  if (pack || arguments.length === 2)
    for (var i = 0, l = from2.length, ar; i < l; i++) {
      if (ar || !(i in from2)) {
        if (!ar) ar = Array.prototype.slice.call(from2, 0, i);
        ar[i] = from2[i];
      }
    }
  return to.concat(ar || Array.prototype.slice.call(from2));
}
function __await(v) {
  return this instanceof __await ? ((this.v = v), this) : new __await(v);
}
function __asyncGenerator(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError('Symbol.asyncIterator is not defined.');
  var g = generator.apply(thisArg, _arguments || []),
    i,
    q2 = [];
  return (
    (i = Object.create((typeof AsyncIterator === 'function' ? AsyncIterator : Object).prototype)),
    verb('next'),
    verb('throw'),
    verb('return', awaitReturn),
    (i[Symbol.asyncIterator] = function () {
      return this;
    }),
    i
  );
  function awaitReturn(f) {
    return (v) => Promise.resolve(v).then(f, reject);
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = (v) =>
        new Promise((a, b) => {
          q2.push([n, v, a, b]) > 1 || resume(n, v);
        });
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q2[0][3], e);
    }
  }
  function step(r2) {
    r2.value instanceof __await ? Promise.resolve(r2.value.v).then(fulfill, reject) : settle(q2[0][2], r2);
  }
  function fulfill(value) {
    resume('next', value);
  }
  function reject(value) {
    resume('throw', value);
  }
  function settle(f, v) {
    if ((f(v), q2.shift(), q2.length)) resume(q2[0][0], q2[0][1]);
  }
}
function __asyncValues(o) {
  if (!Symbol.asyncIterator) throw new TypeError('Symbol.asyncIterator is not defined.');
  var m = o[Symbol.asyncIterator],
    i;
  return m
    ? m.call(o)
    : ((o = typeof __values === 'function' ? __values(o) : o[Symbol.iterator]()),
      (i = {}),
      verb('next'),
      verb('throw'),
      verb('return'),
      (i[Symbol.asyncIterator] = function () {
        return this;
      }),
      i);
  function verb(n) {
    i[n] =
      o[n] &&
      ((v) =>
        new Promise((resolve, reject) => {
          (v = o[n](v)), settle(resolve, reject, v.done, v.value);
        }));
  }
  function settle(resolve, reject, d, v) {
    Promise.resolve(v).then((v2) => {
      resolve({ value: v2, done: d });
    }, reject);
  }
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isFunction.js
function isFunction(value) {
  return typeof value === 'function';
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/createErrorClass.js
function createErrorClass(createImpl) {
  var _super = (instance) => {
    Error.call(instance);
    instance.stack = new Error().stack;
  };
  var ctorFunc = createImpl(_super);
  ctorFunc.prototype = Object.create(Error.prototype);
  ctorFunc.prototype.constructor = ctorFunc;
  return ctorFunc;
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/UnsubscriptionError.js
var UnsubscriptionError = createErrorClass(
  (_super) =>
    function UnsubscriptionErrorImpl(errors) {
      _super(this);
      this.message = errors
        ? errors.length +
          ' errors occurred during unsubscription:\n' +
          errors.map((err, i) => i + 1 + ') ' + err.toString()).join('\n  ')
        : '';
      this.name = 'UnsubscriptionError';
      this.errors = errors;
    },
);

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/arrRemove.js
function arrRemove(arr, item) {
  if (arr) {
    var index = arr.indexOf(item);
    0 <= index && arr.splice(index, 1);
  }
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/Subscription.js
var Subscription = (() => {
  function Subscription2(initialTeardown) {
    this.initialTeardown = initialTeardown;
    this.closed = false;
    this._parentage = null;
    this._finalizers = null;
  }
  Subscription2.prototype.unsubscribe = function () {
    var e_1, _a, e_2, _b;
    var errors;
    if (!this.closed) {
      this.closed = true;
      var _parentage = this._parentage;
      if (_parentage) {
        this._parentage = null;
        if (Array.isArray(_parentage)) {
          try {
            for (
              var _parentage_1 = __values(_parentage), _parentage_1_1 = _parentage_1.next();
              !_parentage_1_1.done;
              _parentage_1_1 = _parentage_1.next()
            ) {
              var parent_1 = _parentage_1_1.value;
              parent_1.remove(this);
            }
          } catch (e_1_1) {
            e_1 = { error: e_1_1 };
          } finally {
            try {
              if (_parentage_1_1 && !_parentage_1_1.done && (_a = _parentage_1.return)) _a.call(_parentage_1);
            } finally {
              if (e_1) throw e_1.error;
            }
          }
        } else {
          _parentage.remove(this);
        }
      }
      var initialFinalizer = this.initialTeardown;
      if (isFunction(initialFinalizer)) {
        try {
          initialFinalizer();
        } catch (e) {
          errors = e instanceof UnsubscriptionError ? e.errors : [e];
        }
      }
      var _finalizers = this._finalizers;
      if (_finalizers) {
        this._finalizers = null;
        try {
          for (
            var _finalizers_1 = __values(_finalizers), _finalizers_1_1 = _finalizers_1.next();
            !_finalizers_1_1.done;
            _finalizers_1_1 = _finalizers_1.next()
          ) {
            var finalizer = _finalizers_1_1.value;
            try {
              execFinalizer(finalizer);
            } catch (err) {
              errors = errors !== null && errors !== void 0 ? errors : [];
              if (err instanceof UnsubscriptionError) {
                errors = __spreadArray(__spreadArray([], __read(errors)), __read(err.errors));
              } else {
                errors.push(err);
              }
            }
          }
        } catch (e_2_1) {
          e_2 = { error: e_2_1 };
        } finally {
          try {
            if (_finalizers_1_1 && !_finalizers_1_1.done && (_b = _finalizers_1.return)) _b.call(_finalizers_1);
          } finally {
            if (e_2) throw e_2.error;
          }
        }
      }
      if (errors) {
        throw new UnsubscriptionError(errors);
      }
    }
  };
  Subscription2.prototype.add = function (teardown) {
    var _a;
    if (teardown && teardown !== this) {
      if (this.closed) {
        execFinalizer(teardown);
      } else {
        if (teardown instanceof Subscription2) {
          if (teardown.closed || teardown._hasParent(this)) {
            return;
          }
          teardown._addParent(this);
        }
        (this._finalizers = (_a = this._finalizers) !== null && _a !== void 0 ? _a : []).push(teardown);
      }
    }
  };
  Subscription2.prototype._hasParent = function (parent) {
    var _parentage = this._parentage;
    return _parentage === parent || (Array.isArray(_parentage) && _parentage.includes(parent));
  };
  Subscription2.prototype._addParent = function (parent) {
    var _parentage = this._parentage;
    this._parentage = Array.isArray(_parentage)
      ? (_parentage.push(parent), _parentage)
      : _parentage
        ? [_parentage, parent]
        : parent;
  };
  Subscription2.prototype._removeParent = function (parent) {
    var _parentage = this._parentage;
    if (_parentage === parent) {
      this._parentage = null;
    } else if (Array.isArray(_parentage)) {
      arrRemove(_parentage, parent);
    }
  };
  Subscription2.prototype.remove = function (teardown) {
    var _finalizers = this._finalizers;
    _finalizers && arrRemove(_finalizers, teardown);
    if (teardown instanceof Subscription2) {
      teardown._removeParent(this);
    }
  };
  Subscription2.EMPTY = (() => {
    var empty = new Subscription2();
    empty.closed = true;
    return empty;
  })();
  return Subscription2;
})();
var EMPTY_SUBSCRIPTION = Subscription.EMPTY;
function isSubscription(value) {
  return (
    value instanceof Subscription ||
    (value && 'closed' in value && isFunction(value.remove) && isFunction(value.add) && isFunction(value.unsubscribe))
  );
}
function execFinalizer(finalizer) {
  if (isFunction(finalizer)) {
    finalizer();
  } else {
    finalizer.unsubscribe();
  }
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/config.js
var config = {
  onUnhandledError: null,
  onStoppedNotification: null,
  Promise: void 0,
  useDeprecatedSynchronousErrorHandling: false,
  useDeprecatedNextContext: false,
};

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduler/timeoutProvider.js
var timeoutProvider = {
  setTimeout: function (handler, timeout) {
    var args = [];
    for (var _i = 2; _i < arguments.length; _i++) {
      args[_i - 2] = arguments[_i];
    }
    var delegate = timeoutProvider.delegate;
    if (delegate === null || delegate === void 0 ? void 0 : delegate.setTimeout) {
      return delegate.setTimeout.apply(delegate, __spreadArray([handler, timeout], __read(args)));
    }
    return setTimeout.apply(void 0, __spreadArray([handler, timeout], __read(args)));
  },
  clearTimeout: (handle) => {
    var delegate = timeoutProvider.delegate;
    return ((delegate === null || delegate === void 0 ? void 0 : delegate.clearTimeout) || clearTimeout)(handle);
  },
  delegate: void 0,
};

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/reportUnhandledError.js
function reportUnhandledError(err) {
  timeoutProvider.setTimeout(() => {
    var onUnhandledError = config.onUnhandledError;
    if (onUnhandledError) {
      onUnhandledError(err);
    } else {
      throw err;
    }
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/noop.js
function noop() {}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/NotificationFactories.js
var COMPLETE_NOTIFICATION = (() => createNotification('C', void 0, void 0))();
function errorNotification(error40) {
  return createNotification('E', void 0, error40);
}
function nextNotification(value) {
  return createNotification('N', value, void 0);
}
function createNotification(kind, value, error40) {
  return {
    kind,
    value,
    error: error40,
  };
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/errorContext.js
var context = null;
function errorContext(cb) {
  if (config.useDeprecatedSynchronousErrorHandling) {
    var isRoot = !context;
    if (isRoot) {
      context = { errorThrown: false, error: null };
    }
    cb();
    if (isRoot) {
      var _a = context,
        errorThrown = _a.errorThrown,
        error40 = _a.error;
      context = null;
      if (errorThrown) {
        throw error40;
      }
    }
  } else {
    cb();
  }
}
function captureError(err) {
  if (config.useDeprecatedSynchronousErrorHandling && context) {
    context.errorThrown = true;
    context.error = err;
  }
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/Subscriber.js
var Subscriber = ((_super) => {
  __extends2(Subscriber2, _super);
  function Subscriber2(destination) {
    var _this = _super.call(this) || this;
    _this.isStopped = false;
    if (destination) {
      _this.destination = destination;
      if (isSubscription(destination)) {
        destination.add(_this);
      }
    } else {
      _this.destination = EMPTY_OBSERVER;
    }
    return _this;
  }
  Subscriber2.create = (next, error40, complete) => new SafeSubscriber(next, error40, complete);
  Subscriber2.prototype.next = function (value) {
    if (this.isStopped) {
      handleStoppedNotification(nextNotification(value), this);
    } else {
      this._next(value);
    }
  };
  Subscriber2.prototype.error = function (err) {
    if (this.isStopped) {
      handleStoppedNotification(errorNotification(err), this);
    } else {
      this.isStopped = true;
      this._error(err);
    }
  };
  Subscriber2.prototype.complete = function () {
    if (this.isStopped) {
      handleStoppedNotification(COMPLETE_NOTIFICATION, this);
    } else {
      this.isStopped = true;
      this._complete();
    }
  };
  Subscriber2.prototype.unsubscribe = function () {
    if (!this.closed) {
      this.isStopped = true;
      _super.prototype.unsubscribe.call(this);
      this.destination = null;
    }
  };
  Subscriber2.prototype._next = function (value) {
    this.destination.next(value);
  };
  Subscriber2.prototype._error = function (err) {
    try {
      this.destination.error(err);
    } finally {
      this.unsubscribe();
    }
  };
  Subscriber2.prototype._complete = function () {
    try {
      this.destination.complete();
    } finally {
      this.unsubscribe();
    }
  };
  return Subscriber2;
})(Subscription);
var _bind = Function.prototype.bind;
function bind(fn, thisArg) {
  return _bind.call(fn, thisArg);
}
var ConsumerObserver = (() => {
  function ConsumerObserver2(partialObserver) {
    this.partialObserver = partialObserver;
  }
  ConsumerObserver2.prototype.next = function (value) {
    var partialObserver = this.partialObserver;
    if (partialObserver.next) {
      try {
        partialObserver.next(value);
      } catch (error40) {
        handleUnhandledError(error40);
      }
    }
  };
  ConsumerObserver2.prototype.error = function (err) {
    var partialObserver = this.partialObserver;
    if (partialObserver.error) {
      try {
        partialObserver.error(err);
      } catch (error40) {
        handleUnhandledError(error40);
      }
    } else {
      handleUnhandledError(err);
    }
  };
  ConsumerObserver2.prototype.complete = function () {
    var partialObserver = this.partialObserver;
    if (partialObserver.complete) {
      try {
        partialObserver.complete();
      } catch (error40) {
        handleUnhandledError(error40);
      }
    }
  };
  return ConsumerObserver2;
})();
var SafeSubscriber = ((_super) => {
  __extends2(SafeSubscriber2, _super);
  function SafeSubscriber2(observerOrNext, error40, complete) {
    var _this = _super.call(this) || this;
    var partialObserver;
    if (isFunction(observerOrNext) || !observerOrNext) {
      partialObserver = {
        next: observerOrNext !== null && observerOrNext !== void 0 ? observerOrNext : void 0,
        error: error40 !== null && error40 !== void 0 ? error40 : void 0,
        complete: complete !== null && complete !== void 0 ? complete : void 0,
      };
    } else {
      var context_1;
      if (_this && config.useDeprecatedNextContext) {
        context_1 = Object.create(observerOrNext);
        context_1.unsubscribe = () => _this.unsubscribe();
        partialObserver = {
          next: observerOrNext.next && bind(observerOrNext.next, context_1),
          error: observerOrNext.error && bind(observerOrNext.error, context_1),
          complete: observerOrNext.complete && bind(observerOrNext.complete, context_1),
        };
      } else {
        partialObserver = observerOrNext;
      }
    }
    _this.destination = new ConsumerObserver(partialObserver);
    return _this;
  }
  return SafeSubscriber2;
})(Subscriber);
function handleUnhandledError(error40) {
  if (config.useDeprecatedSynchronousErrorHandling) {
    captureError(error40);
  } else {
    reportUnhandledError(error40);
  }
}
function defaultErrorHandler(err) {
  throw err;
}
function handleStoppedNotification(notification, subscriber) {
  var onStoppedNotification = config.onStoppedNotification;
  onStoppedNotification && timeoutProvider.setTimeout(() => onStoppedNotification(notification, subscriber));
}
var EMPTY_OBSERVER = {
  closed: true,
  next: noop,
  error: defaultErrorHandler,
  complete: noop,
};

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/symbol/observable.js
var observable = (() => (typeof Symbol === 'function' && Symbol.observable) || '@@observable')();

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/identity.js
function identity(x) {
  return x;
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/pipe.js
function pipe() {
  var fns = [];
  for (var _i = 0; _i < arguments.length; _i++) {
    fns[_i] = arguments[_i];
  }
  return pipeFromArray(fns);
}
function pipeFromArray(fns) {
  if (fns.length === 0) {
    return identity;
  }
  if (fns.length === 1) {
    return fns[0];
  }
  return function piped(input2) {
    return fns.reduce((prev, fn) => fn(prev), input2);
  };
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/Observable.js
var Observable = (() => {
  function Observable2(subscribe) {
    if (subscribe) {
      this._subscribe = subscribe;
    }
  }
  Observable2.prototype.lift = function (operator) {
    var observable2 = new Observable2();
    observable2.source = this;
    observable2.operator = operator;
    return observable2;
  };
  Observable2.prototype.subscribe = function (observerOrNext, error40, complete) {
    var subscriber = isSubscriber(observerOrNext)
      ? observerOrNext
      : new SafeSubscriber(observerOrNext, error40, complete);
    errorContext(() => {
      var _a = this,
        operator = _a.operator,
        source = _a.source;
      subscriber.add(
        operator
          ? operator.call(subscriber, source)
          : source
            ? this._subscribe(subscriber)
            : this._trySubscribe(subscriber),
      );
    });
    return subscriber;
  };
  Observable2.prototype._trySubscribe = function (sink) {
    try {
      return this._subscribe(sink);
    } catch (err) {
      sink.error(err);
    }
  };
  Observable2.prototype.forEach = function (next, promiseCtor) {
    promiseCtor = getPromiseCtor(promiseCtor);
    return new promiseCtor((resolve, reject) => {
      var subscriber = new SafeSubscriber({
        next: (value) => {
          try {
            next(value);
          } catch (err) {
            reject(err);
            subscriber.unsubscribe();
          }
        },
        error: reject,
        complete: resolve,
      });
      this.subscribe(subscriber);
    });
  };
  Observable2.prototype._subscribe = function (subscriber) {
    var _a;
    return (_a = this.source) === null || _a === void 0 ? void 0 : _a.subscribe(subscriber);
  };
  Observable2.prototype[observable] = function () {
    return this;
  };
  Observable2.prototype.pipe = function () {
    var operations = [];
    for (var _i = 0; _i < arguments.length; _i++) {
      operations[_i] = arguments[_i];
    }
    return pipeFromArray(operations)(this);
  };
  Observable2.prototype.toPromise = function (promiseCtor) {
    promiseCtor = getPromiseCtor(promiseCtor);
    return new promiseCtor((resolve, reject) => {
      var value;
      this.subscribe(
        (x) => (value = x),
        (err) => reject(err),
        () => resolve(value),
      );
    });
  };
  Observable2.create = (subscribe) => new Observable2(subscribe);
  return Observable2;
})();
function getPromiseCtor(promiseCtor) {
  var _a;
  return (_a = promiseCtor !== null && promiseCtor !== void 0 ? promiseCtor : config.Promise) !== null && _a !== void 0
    ? _a
    : Promise;
}
function isObserver(value) {
  return value && isFunction(value.next) && isFunction(value.error) && isFunction(value.complete);
}
function isSubscriber(value) {
  return (value && value instanceof Subscriber) || (isObserver(value) && isSubscription(value));
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/lift.js
function hasLift(source) {
  return isFunction(source === null || source === void 0 ? void 0 : source.lift);
}
function operate(init2) {
  return (source) => {
    if (hasLift(source)) {
      return source.lift(function (liftedSource) {
        try {
          return init2(liftedSource, this);
        } catch (err) {
          this.error(err);
        }
      });
    }
    throw new TypeError('Unable to lift unknown Observable type');
  };
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/OperatorSubscriber.js
function createOperatorSubscriber(destination, onNext, onComplete, onError, onFinalize) {
  return new OperatorSubscriber(destination, onNext, onComplete, onError, onFinalize);
}
var OperatorSubscriber = ((_super) => {
  __extends2(OperatorSubscriber2, _super);
  function OperatorSubscriber2(destination, onNext, onComplete, onError, onFinalize, shouldUnsubscribe) {
    var _this = _super.call(this, destination) || this;
    _this.onFinalize = onFinalize;
    _this.shouldUnsubscribe = shouldUnsubscribe;
    _this._next = onNext
      ? (value) => {
          try {
            onNext(value);
          } catch (err) {
            destination.error(err);
          }
        }
      : _super.prototype._next;
    _this._error = onError
      ? function (err) {
          try {
            onError(err);
          } catch (err2) {
            destination.error(err2);
          } finally {
            this.unsubscribe();
          }
        }
      : _super.prototype._error;
    _this._complete = onComplete
      ? function () {
          try {
            onComplete();
          } catch (err) {
            destination.error(err);
          } finally {
            this.unsubscribe();
          }
        }
      : _super.prototype._complete;
    return _this;
  }
  OperatorSubscriber2.prototype.unsubscribe = function () {
    var _a;
    if (!this.shouldUnsubscribe || this.shouldUnsubscribe()) {
      var closed_1 = this.closed;
      _super.prototype.unsubscribe.call(this);
      !closed_1 && ((_a = this.onFinalize) === null || _a === void 0 ? void 0 : _a.call(this));
    }
  };
  return OperatorSubscriber2;
})(Subscriber);

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/ObjectUnsubscribedError.js
var ObjectUnsubscribedError = createErrorClass(
  (_super) =>
    function ObjectUnsubscribedErrorImpl() {
      _super(this);
      this.name = 'ObjectUnsubscribedError';
      this.message = 'object unsubscribed';
    },
);

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/Subject.js
var Subject = ((_super) => {
  __extends2(Subject2, _super);
  function Subject2() {
    var _this = _super.call(this) || this;
    _this.closed = false;
    _this.currentObservers = null;
    _this.observers = [];
    _this.isStopped = false;
    _this.hasError = false;
    _this.thrownError = null;
    return _this;
  }
  Subject2.prototype.lift = function (operator) {
    var subject = new AnonymousSubject(this, this);
    subject.operator = operator;
    return subject;
  };
  Subject2.prototype._throwIfClosed = function () {
    if (this.closed) {
      throw new ObjectUnsubscribedError();
    }
  };
  Subject2.prototype.next = function (value) {
    errorContext(() => {
      var e_1, _a;
      this._throwIfClosed();
      if (!this.isStopped) {
        if (!this.currentObservers) {
          this.currentObservers = Array.from(this.observers);
        }
        try {
          for (var _b = __values(this.currentObservers), _c = _b.next(); !_c.done; _c = _b.next()) {
            var observer = _c.value;
            observer.next(value);
          }
        } catch (e_1_1) {
          e_1 = { error: e_1_1 };
        } finally {
          try {
            if (_c && !_c.done && (_a = _b.return)) _a.call(_b);
          } finally {
            if (e_1) throw e_1.error;
          }
        }
      }
    });
  };
  Subject2.prototype.error = function (err) {
    errorContext(() => {
      this._throwIfClosed();
      if (!this.isStopped) {
        this.hasError = this.isStopped = true;
        this.thrownError = err;
        var observers = this.observers;
        while (observers.length) {
          observers.shift().error(err);
        }
      }
    });
  };
  Subject2.prototype.complete = function () {
    errorContext(() => {
      this._throwIfClosed();
      if (!this.isStopped) {
        this.isStopped = true;
        var observers = this.observers;
        while (observers.length) {
          observers.shift().complete();
        }
      }
    });
  };
  Subject2.prototype.unsubscribe = function () {
    this.isStopped = this.closed = true;
    this.observers = this.currentObservers = null;
  };
  Object.defineProperty(Subject2.prototype, 'observed', {
    get: function () {
      var _a;
      return ((_a = this.observers) === null || _a === void 0 ? void 0 : _a.length) > 0;
    },
    enumerable: false,
    configurable: true,
  });
  Subject2.prototype._trySubscribe = function (subscriber) {
    this._throwIfClosed();
    return _super.prototype._trySubscribe.call(this, subscriber);
  };
  Subject2.prototype._subscribe = function (subscriber) {
    this._throwIfClosed();
    this._checkFinalizedStatuses(subscriber);
    return this._innerSubscribe(subscriber);
  };
  Subject2.prototype._innerSubscribe = function (subscriber) {
    var hasError = this.hasError,
      isStopped = this.isStopped,
      observers = this.observers;
    if (hasError || isStopped) {
      return EMPTY_SUBSCRIPTION;
    }
    this.currentObservers = null;
    observers.push(subscriber);
    return new Subscription(() => {
      this.currentObservers = null;
      arrRemove(observers, subscriber);
    });
  };
  Subject2.prototype._checkFinalizedStatuses = function (subscriber) {
    var hasError = this.hasError,
      thrownError = this.thrownError,
      isStopped = this.isStopped;
    if (hasError) {
      subscriber.error(thrownError);
    } else if (isStopped) {
      subscriber.complete();
    }
  };
  Subject2.prototype.asObservable = function () {
    var observable2 = new Observable();
    observable2.source = this;
    return observable2;
  };
  Subject2.create = (destination, source) => new AnonymousSubject(destination, source);
  return Subject2;
})(Observable);
var AnonymousSubject = ((_super) => {
  __extends2(AnonymousSubject2, _super);
  function AnonymousSubject2(destination, source) {
    var _this = _super.call(this) || this;
    _this.destination = destination;
    _this.source = source;
    return _this;
  }
  AnonymousSubject2.prototype.next = function (value) {
    var _a, _b;
    (_b = (_a = this.destination) === null || _a === void 0 ? void 0 : _a.next) === null || _b === void 0
      ? void 0
      : _b.call(_a, value);
  };
  AnonymousSubject2.prototype.error = function (err) {
    var _a, _b;
    (_b = (_a = this.destination) === null || _a === void 0 ? void 0 : _a.error) === null || _b === void 0
      ? void 0
      : _b.call(_a, err);
  };
  AnonymousSubject2.prototype.complete = function () {
    var _a, _b;
    (_b = (_a = this.destination) === null || _a === void 0 ? void 0 : _a.complete) === null || _b === void 0
      ? void 0
      : _b.call(_a);
  };
  AnonymousSubject2.prototype._subscribe = function (subscriber) {
    var _a, _b;
    return (_b = (_a = this.source) === null || _a === void 0 ? void 0 : _a.subscribe(subscriber)) !== null &&
      _b !== void 0
      ? _b
      : EMPTY_SUBSCRIPTION;
  };
  return AnonymousSubject2;
})(Subject);

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduler/dateTimestampProvider.js
var dateTimestampProvider = {
  now: () => (dateTimestampProvider.delegate || Date).now(),
  delegate: void 0,
};

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/ReplaySubject.js
var ReplaySubject = ((_super) => {
  __extends2(ReplaySubject2, _super);
  function ReplaySubject2(_bufferSize, _windowTime, _timestampProvider) {
    if (_bufferSize === void 0) {
      _bufferSize = Infinity;
    }
    if (_windowTime === void 0) {
      _windowTime = Infinity;
    }
    if (_timestampProvider === void 0) {
      _timestampProvider = dateTimestampProvider;
    }
    var _this = _super.call(this) || this;
    _this._bufferSize = _bufferSize;
    _this._windowTime = _windowTime;
    _this._timestampProvider = _timestampProvider;
    _this._buffer = [];
    _this._infiniteTimeWindow = true;
    _this._infiniteTimeWindow = _windowTime === Infinity;
    _this._bufferSize = Math.max(1, _bufferSize);
    _this._windowTime = Math.max(1, _windowTime);
    return _this;
  }
  ReplaySubject2.prototype.next = function (value) {
    var isStopped = this.isStopped,
      _buffer = this._buffer,
      _infiniteTimeWindow = this._infiniteTimeWindow,
      _timestampProvider = this._timestampProvider,
      _windowTime = this._windowTime;
    if (!isStopped) {
      _buffer.push(value);
      !_infiniteTimeWindow && _buffer.push(_timestampProvider.now() + _windowTime);
    }
    this._trimBuffer();
    _super.prototype.next.call(this, value);
  };
  ReplaySubject2.prototype._subscribe = function (subscriber) {
    this._throwIfClosed();
    this._trimBuffer();
    var subscription = this._innerSubscribe(subscriber);
    var _infiniteTimeWindow = this._infiniteTimeWindow,
      _buffer = this._buffer;
    var copy = _buffer.slice();
    for (var i = 0; i < copy.length && !subscriber.closed; i += _infiniteTimeWindow ? 1 : 2) {
      subscriber.next(copy[i]);
    }
    this._checkFinalizedStatuses(subscriber);
    return subscription;
  };
  ReplaySubject2.prototype._trimBuffer = function () {
    var _bufferSize = this._bufferSize,
      _timestampProvider = this._timestampProvider,
      _buffer = this._buffer,
      _infiniteTimeWindow = this._infiniteTimeWindow;
    var adjustedBufferSize = (_infiniteTimeWindow ? 1 : 2) * _bufferSize;
    _bufferSize < Infinity &&
      adjustedBufferSize < _buffer.length &&
      _buffer.splice(0, _buffer.length - adjustedBufferSize);
    if (!_infiniteTimeWindow) {
      var now = _timestampProvider.now();
      var last2 = 0;
      for (var i = 1; i < _buffer.length && _buffer[i] <= now; i += 2) {
        last2 = i;
      }
      last2 && _buffer.splice(0, last2 + 1);
    }
  };
  return ReplaySubject2;
})(Subject);

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/observable/empty.js
var EMPTY = new Observable((subscriber) => subscriber.complete());

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isScheduler.js
function isScheduler(value) {
  return value && isFunction(value.schedule);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/args.js
function last(arr) {
  return arr[arr.length - 1];
}
function popScheduler(args) {
  return isScheduler(last(args)) ? args.pop() : void 0;
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isArrayLike.js
var isArrayLike = (x) => x && typeof x.length === 'number' && typeof x !== 'function';

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isPromise.js
function isPromise(value) {
  return isFunction(value === null || value === void 0 ? void 0 : value.then);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isInteropObservable.js
function isInteropObservable(input2) {
  return isFunction(input2[observable]);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isAsyncIterable.js
function isAsyncIterable(obj) {
  return Symbol.asyncIterator && isFunction(obj === null || obj === void 0 ? void 0 : obj[Symbol.asyncIterator]);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/throwUnobservableError.js
function createInvalidObservableTypeError(input2) {
  return new TypeError(
    'You provided ' +
      (input2 !== null && typeof input2 === 'object' ? 'an invalid object' : "'" + input2 + "'") +
      ' where a stream was expected. You can provide an Observable, Promise, ReadableStream, Array, AsyncIterable, or Iterable.',
  );
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/symbol/iterator.js
function getSymbolIterator() {
  if (typeof Symbol !== 'function' || !Symbol.iterator) {
    return '@@iterator';
  }
  return Symbol.iterator;
}
var iterator = getSymbolIterator();

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isIterable.js
function isIterable(input2) {
  return isFunction(input2 === null || input2 === void 0 ? void 0 : input2[iterator]);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/isReadableStreamLike.js
function readableStreamLikeToAsyncGenerator(readableStream) {
  return __asyncGenerator(this, arguments, function readableStreamLikeToAsyncGenerator_1() {
    var reader, _a, value, done;
    return __generator(this, (_b) => {
      switch (_b.label) {
        case 0:
          reader = readableStream.getReader();
          _b.label = 1;
        case 1:
          _b.trys.push([1, , 9, 10]);
          _b.label = 2;
        case 2:
          if (false) return [3, 8];
          return [4, __await(reader.read())];
        case 3:
          (_a = _b.sent()), (value = _a.value), (done = _a.done);
          if (!done) return [3, 5];
          return [4, __await(void 0)];
        case 4:
          return [2, _b.sent()];
        case 5:
          return [4, __await(value)];
        case 6:
          return [4, _b.sent()];
        case 7:
          _b.sent();
          return [3, 2];
        case 8:
          return [3, 10];
        case 9:
          reader.releaseLock();
          return [7];
        case 10:
          return [2];
      }
    });
  });
}
function isReadableStreamLike(obj) {
  return isFunction(obj === null || obj === void 0 ? void 0 : obj.getReader);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/observable/innerFrom.js
function innerFrom(input2) {
  if (input2 instanceof Observable) {
    return input2;
  }
  if (input2 != null) {
    if (isInteropObservable(input2)) {
      return fromInteropObservable(input2);
    }
    if (isArrayLike(input2)) {
      return fromArrayLike(input2);
    }
    if (isPromise(input2)) {
      return fromPromise(input2);
    }
    if (isAsyncIterable(input2)) {
      return fromAsyncIterable(input2);
    }
    if (isIterable(input2)) {
      return fromIterable(input2);
    }
    if (isReadableStreamLike(input2)) {
      return fromReadableStreamLike(input2);
    }
  }
  throw createInvalidObservableTypeError(input2);
}
function fromInteropObservable(obj) {
  return new Observable((subscriber) => {
    var obs = obj[observable]();
    if (isFunction(obs.subscribe)) {
      return obs.subscribe(subscriber);
    }
    throw new TypeError('Provided object does not correctly implement Symbol.observable');
  });
}
function fromArrayLike(array2) {
  return new Observable((subscriber) => {
    for (var i = 0; i < array2.length && !subscriber.closed; i++) {
      subscriber.next(array2[i]);
    }
    subscriber.complete();
  });
}
function fromPromise(promise2) {
  return new Observable((subscriber) => {
    promise2
      .then(
        (value) => {
          if (!subscriber.closed) {
            subscriber.next(value);
            subscriber.complete();
          }
        },
        (err) => subscriber.error(err),
      )
      .then(null, reportUnhandledError);
  });
}
function fromIterable(iterable) {
  return new Observable((subscriber) => {
    var e_1, _a;
    try {
      for (
        var iterable_1 = __values(iterable), iterable_1_1 = iterable_1.next();
        !iterable_1_1.done;
        iterable_1_1 = iterable_1.next()
      ) {
        var value = iterable_1_1.value;
        subscriber.next(value);
        if (subscriber.closed) {
          return;
        }
      }
    } catch (e_1_1) {
      e_1 = { error: e_1_1 };
    } finally {
      try {
        if (iterable_1_1 && !iterable_1_1.done && (_a = iterable_1.return)) _a.call(iterable_1);
      } finally {
        if (e_1) throw e_1.error;
      }
    }
    subscriber.complete();
  });
}
function fromAsyncIterable(asyncIterable) {
  return new Observable((subscriber) => {
    process2(asyncIterable, subscriber).catch((err) => subscriber.error(err));
  });
}
function fromReadableStreamLike(readableStream) {
  return fromAsyncIterable(readableStreamLikeToAsyncGenerator(readableStream));
}
function process2(asyncIterable, subscriber) {
  var asyncIterable_1, asyncIterable_1_1;
  var e_2, _a;
  return __awaiter(this, void 0, void 0, function () {
    var value, e_2_1;
    return __generator(this, (_b) => {
      switch (_b.label) {
        case 0:
          _b.trys.push([0, 5, 6, 11]);
          asyncIterable_1 = __asyncValues(asyncIterable);
          _b.label = 1;
        case 1:
          return [4, asyncIterable_1.next()];
        case 2:
          if (!((asyncIterable_1_1 = _b.sent()), !asyncIterable_1_1.done)) return [3, 4];
          value = asyncIterable_1_1.value;
          subscriber.next(value);
          if (subscriber.closed) {
            return [2];
          }
          _b.label = 3;
        case 3:
          return [3, 1];
        case 4:
          return [3, 11];
        case 5:
          e_2_1 = _b.sent();
          e_2 = { error: e_2_1 };
          return [3, 11];
        case 6:
          _b.trys.push([6, , 9, 10]);
          if (!(asyncIterable_1_1 && !asyncIterable_1_1.done && (_a = asyncIterable_1.return))) return [3, 8];
          return [4, _a.call(asyncIterable_1)];
        case 7:
          _b.sent();
          _b.label = 8;
        case 8:
          return [3, 10];
        case 9:
          if (e_2) throw e_2.error;
          return [7];
        case 10:
          return [7];
        case 11:
          subscriber.complete();
          return [2];
      }
    });
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/executeSchedule.js
function executeSchedule(parentSubscription, scheduler, work, delay, repeat) {
  if (delay === void 0) {
    delay = 0;
  }
  if (repeat === void 0) {
    repeat = false;
  }
  var scheduleSubscription = scheduler.schedule(function () {
    work();
    if (repeat) {
      parentSubscription.add(this.schedule(null, delay));
    } else {
      this.unsubscribe();
    }
  }, delay);
  parentSubscription.add(scheduleSubscription);
  if (!repeat) {
    return scheduleSubscription;
  }
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/observeOn.js
function observeOn(scheduler, delay) {
  if (delay === void 0) {
    delay = 0;
  }
  return operate((source, subscriber) => {
    source.subscribe(
      createOperatorSubscriber(
        subscriber,
        (value) => executeSchedule(subscriber, scheduler, () => subscriber.next(value), delay),
        () => executeSchedule(subscriber, scheduler, () => subscriber.complete(), delay),
        (err) => executeSchedule(subscriber, scheduler, () => subscriber.error(err), delay),
      ),
    );
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/subscribeOn.js
function subscribeOn(scheduler, delay) {
  if (delay === void 0) {
    delay = 0;
  }
  return operate((source, subscriber) => {
    subscriber.add(scheduler.schedule(() => source.subscribe(subscriber), delay));
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/scheduleObservable.js
function scheduleObservable(input2, scheduler) {
  return innerFrom(input2).pipe(subscribeOn(scheduler), observeOn(scheduler));
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/schedulePromise.js
function schedulePromise(input2, scheduler) {
  return innerFrom(input2).pipe(subscribeOn(scheduler), observeOn(scheduler));
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/scheduleArray.js
function scheduleArray(input2, scheduler) {
  return new Observable((subscriber) => {
    var i = 0;
    return scheduler.schedule(function () {
      if (i === input2.length) {
        subscriber.complete();
      } else {
        subscriber.next(input2[i++]);
        if (!subscriber.closed) {
          this.schedule();
        }
      }
    });
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/scheduleIterable.js
function scheduleIterable(input2, scheduler) {
  return new Observable((subscriber) => {
    var iterator2;
    executeSchedule(subscriber, scheduler, () => {
      iterator2 = input2[iterator]();
      executeSchedule(
        subscriber,
        scheduler,
        () => {
          var _a;
          var value;
          var done;
          try {
            (_a = iterator2.next()), (value = _a.value), (done = _a.done);
          } catch (err) {
            subscriber.error(err);
            return;
          }
          if (done) {
            subscriber.complete();
          } else {
            subscriber.next(value);
          }
        },
        0,
        true,
      );
    });
    return () =>
      isFunction(iterator2 === null || iterator2 === void 0 ? void 0 : iterator2.return) && iterator2.return();
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/scheduleAsyncIterable.js
function scheduleAsyncIterable(input2, scheduler) {
  if (!input2) {
    throw new Error('Iterable cannot be null');
  }
  return new Observable((subscriber) => {
    executeSchedule(subscriber, scheduler, () => {
      var iterator2 = input2[Symbol.asyncIterator]();
      executeSchedule(
        subscriber,
        scheduler,
        () => {
          iterator2.next().then((result) => {
            if (result.done) {
              subscriber.complete();
            } else {
              subscriber.next(result.value);
            }
          });
        },
        0,
        true,
      );
    });
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/scheduleReadableStreamLike.js
function scheduleReadableStreamLike(input2, scheduler) {
  return scheduleAsyncIterable(readableStreamLikeToAsyncGenerator(input2), scheduler);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/scheduled/scheduled.js
function scheduled(input2, scheduler) {
  if (input2 != null) {
    if (isInteropObservable(input2)) {
      return scheduleObservable(input2, scheduler);
    }
    if (isArrayLike(input2)) {
      return scheduleArray(input2, scheduler);
    }
    if (isPromise(input2)) {
      return schedulePromise(input2, scheduler);
    }
    if (isAsyncIterable(input2)) {
      return scheduleAsyncIterable(input2, scheduler);
    }
    if (isIterable(input2)) {
      return scheduleIterable(input2, scheduler);
    }
    if (isReadableStreamLike(input2)) {
      return scheduleReadableStreamLike(input2, scheduler);
    }
  }
  throw createInvalidObservableTypeError(input2);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/observable/from.js
function from(input2, scheduler) {
  return scheduler ? scheduled(input2, scheduler) : innerFrom(input2);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/observable/of.js
function of() {
  var args = [];
  for (var _i = 0; _i < arguments.length; _i++) {
    args[_i] = arguments[_i];
  }
  var scheduler = popScheduler(args);
  return from(args, scheduler);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/observable/throwError.js
function throwError(errorOrErrorFactory, scheduler) {
  var errorFactory = isFunction(errorOrErrorFactory) ? errorOrErrorFactory : () => errorOrErrorFactory;
  var init2 = (subscriber) => subscriber.error(errorFactory());
  return new Observable(scheduler ? (subscriber) => scheduler.schedule(init2, 0, subscriber) : init2);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/util/EmptyError.js
var EmptyError = createErrorClass(
  (_super) =>
    function EmptyErrorImpl() {
      _super(this);
      this.name = 'EmptyError';
      this.message = 'no elements in sequence';
    },
);

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/lastValueFrom.js
function lastValueFrom(source, config3) {
  var hasConfig = typeof config3 === 'object';
  return new Promise((resolve, reject) => {
    var _hasValue = false;
    var _value;
    source.subscribe({
      next: (value) => {
        _value = value;
        _hasValue = true;
      },
      error: reject,
      complete: () => {
        if (_hasValue) {
          resolve(_value);
        } else if (hasConfig) {
          resolve(config3.defaultValue);
        } else {
          reject(new EmptyError());
        }
      },
    });
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/map.js
function map(project, thisArg) {
  return operate((source, subscriber) => {
    var index = 0;
    source.subscribe(
      createOperatorSubscriber(subscriber, (value) => {
        subscriber.next(project.call(thisArg, value, index++));
      }),
    );
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/mergeInternals.js
function mergeInternals(
  source,
  subscriber,
  project,
  concurrent,
  onBeforeNext,
  expand,
  innerSubScheduler,
  additionalFinalizer,
) {
  var buffer = [];
  var active = 0;
  var index = 0;
  var isComplete = false;
  var checkComplete = () => {
    if (isComplete && !buffer.length && !active) {
      subscriber.complete();
    }
  };
  var outerNext = (value) => (active < concurrent ? doInnerSub(value) : buffer.push(value));
  var doInnerSub = (value) => {
    expand && subscriber.next(value);
    active++;
    var innerComplete = false;
    innerFrom(project(value, index++)).subscribe(
      createOperatorSubscriber(
        subscriber,
        (innerValue) => {
          onBeforeNext === null || onBeforeNext === void 0 ? void 0 : onBeforeNext(innerValue);
          if (expand) {
            outerNext(innerValue);
          } else {
            subscriber.next(innerValue);
          }
        },
        () => {
          innerComplete = true;
        },
        void 0,
        () => {
          if (innerComplete) {
            try {
              active--;
              var _loop_1 = () => {
                var bufferedValue = buffer.shift();
                if (innerSubScheduler) {
                  executeSchedule(subscriber, innerSubScheduler, () => doInnerSub(bufferedValue));
                } else {
                  doInnerSub(bufferedValue);
                }
              };
              while (buffer.length && active < concurrent) {
                _loop_1();
              }
              checkComplete();
            } catch (err) {
              subscriber.error(err);
            }
          }
        },
      ),
    );
  };
  source.subscribe(
    createOperatorSubscriber(subscriber, outerNext, () => {
      isComplete = true;
      checkComplete();
    }),
  );
  return () => {
    additionalFinalizer === null || additionalFinalizer === void 0 ? void 0 : additionalFinalizer();
  };
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/mergeMap.js
function mergeMap(project, resultSelector, concurrent) {
  if (concurrent === void 0) {
    concurrent = Infinity;
  }
  if (isFunction(resultSelector)) {
    return mergeMap((a, i) => map((b, ii) => resultSelector(a, b, i, ii))(innerFrom(project(a, i))), concurrent);
  } else if (typeof resultSelector === 'number') {
    concurrent = resultSelector;
  }
  return operate((source, subscriber) => mergeInternals(source, subscriber, project, concurrent));
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/mergeAll.js
function mergeAll(concurrent) {
  if (concurrent === void 0) {
    concurrent = Infinity;
  }
  return mergeMap(identity, concurrent);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/observable/defer.js
function defer(observableFactory) {
  return new Observable((subscriber) => {
    innerFrom(observableFactory()).subscribe(subscriber);
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/filter.js
function filter(predicate, thisArg) {
  return operate((source, subscriber) => {
    var index = 0;
    source.subscribe(
      createOperatorSubscriber(
        subscriber,
        (value) => predicate.call(thisArg, value, index++) && subscriber.next(value),
      ),
    );
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/catchError.js
function catchError(selector) {
  return operate((source, subscriber) => {
    var innerSub = null;
    var syncUnsub = false;
    var handledResult;
    innerSub = source.subscribe(
      createOperatorSubscriber(subscriber, void 0, void 0, (err) => {
        handledResult = innerFrom(selector(err, catchError(selector)(source)));
        if (innerSub) {
          innerSub.unsubscribe();
          innerSub = null;
          handledResult.subscribe(subscriber);
        } else {
          syncUnsub = true;
        }
      }),
    );
    if (syncUnsub) {
      innerSub.unsubscribe();
      innerSub = null;
      handledResult.subscribe(subscriber);
    }
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/concatMap.js
function concatMap(project, resultSelector) {
  return isFunction(resultSelector) ? mergeMap(project, resultSelector, 1) : mergeMap(project, 1);
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/defaultIfEmpty.js
function defaultIfEmpty(defaultValue) {
  return operate((source, subscriber) => {
    var hasValue = false;
    source.subscribe(
      createOperatorSubscriber(
        subscriber,
        (value) => {
          hasValue = true;
          subscriber.next(value);
        },
        () => {
          if (!hasValue) {
            subscriber.next(defaultValue);
          }
          subscriber.complete();
        },
      ),
    );
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/finalize.js
function finalize(callback) {
  return operate((source, subscriber) => {
    try {
      source.subscribe(subscriber);
    } finally {
      subscriber.add(callback);
    }
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/switchMap.js
function switchMap(project, resultSelector) {
  return operate((source, subscriber) => {
    var innerSubscriber = null;
    var index = 0;
    var isComplete = false;
    var checkComplete = () => isComplete && !innerSubscriber && subscriber.complete();
    source.subscribe(
      createOperatorSubscriber(
        subscriber,
        (value) => {
          innerSubscriber === null || innerSubscriber === void 0 ? void 0 : innerSubscriber.unsubscribe();
          var innerIndex = 0;
          var outerIndex = index++;
          innerFrom(project(value, outerIndex)).subscribe(
            (innerSubscriber = createOperatorSubscriber(
              subscriber,
              (innerValue) =>
                subscriber.next(
                  resultSelector ? resultSelector(value, innerValue, outerIndex, innerIndex++) : innerValue,
                ),
              () => {
                innerSubscriber = null;
                checkComplete();
              },
            )),
          );
        },
        () => {
          isComplete = true;
          checkComplete();
        },
      ),
    );
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/takeUntil.js
function takeUntil(notifier) {
  return operate((source, subscriber) => {
    innerFrom(notifier).subscribe(createOperatorSubscriber(subscriber, () => subscriber.complete(), noop));
    !subscriber.closed && source.subscribe(subscriber);
  });
}

// node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/esm5/internal/operators/tap.js
function tap(observerOrNext, error40, complete) {
  var tapObserver =
    isFunction(observerOrNext) || error40 || complete
      ? { next: observerOrNext, error: error40, complete }
      : observerOrNext;
  return tapObserver
    ? operate((source, subscriber) => {
        var _a;
        (_a = tapObserver.subscribe) === null || _a === void 0 ? void 0 : _a.call(tapObserver);
        var isUnsub = true;
        source.subscribe(
          createOperatorSubscriber(
            subscriber,
            (value) => {
              var _a2;
              (_a2 = tapObserver.next) === null || _a2 === void 0 ? void 0 : _a2.call(tapObserver, value);
              subscriber.next(value);
            },
            () => {
              var _a2;
              isUnsub = false;
              (_a2 = tapObserver.complete) === null || _a2 === void 0 ? void 0 : _a2.call(tapObserver);
              subscriber.complete();
            },
            (err) => {
              var _a2;
              isUnsub = false;
              (_a2 = tapObserver.error) === null || _a2 === void 0 ? void 0 : _a2.call(tapObserver, err);
              subscriber.error(err);
            },
            () => {
              var _a2, _b;
              if (isUnsub) {
                (_a2 = tapObserver.unsubscribe) === null || _a2 === void 0 ? void 0 : _a2.call(tapObserver);
              }
              (_b = tapObserver.finalize) === null || _b === void 0 ? void 0 : _b.call(tapObserver);
            },
          ),
        );
      })
    : identity;
}

// node_modules/.pnpm/untruncate-json@0.0.1/node_modules/untruncate-json/dist/esm/index.js
function isWhitespace(char) {
  return ' \r\n	'.indexOf(char) >= 0;
}
function untruncateJson(json2) {
  var contextStack = [
    'topLevel',
    /* TOP_LEVEL */
  ];
  var position = 0;
  var respawnPosition;
  var respawnStackLength;
  var respawnReason;
  var push = (context2) => contextStack.push(context2);
  var replace = (context2) => (contextStack[contextStack.length - 1] = context2);
  var setRespawn = (reason) => {
    if (respawnPosition == null) {
      respawnPosition = position;
      respawnStackLength = contextStack.length;
      respawnReason = reason;
    }
  };
  var clearRespawn = (reason) => {
    if (reason === respawnReason) {
      respawnPosition = void 0;
      respawnStackLength = void 0;
      respawnReason = void 0;
    }
  };
  var pop = () => contextStack.pop();
  var dontConsumeCharacter = () => position--;
  var startAny = (char2) => {
    if ('0' <= char2 && char2 <= '9') {
      push(
        'number',
        /* NUMBER */
      );
      return;
    }
    switch (char2) {
      case '"':
        push(
          'string',
          /* STRING */
        );
        return;
      case '-':
        push(
          'numberNeedsDigit',
          /* NUMBER_NEEDS_DIGIT */
        );
        return;
      case 't':
        push(
          'true',
          /* TRUE */
        );
        return;
      case 'f':
        push(
          'false',
          /* FALSE */
        );
        return;
      case 'n':
        push(
          'null',
          /* NULL */
        );
        return;
      case '[':
        push(
          'arrayNeedsValue',
          /* ARRAY_NEEDS_VALUE */
        );
        return;
      case '{':
        push(
          'objectNeedsKey',
          /* OBJECT_NEEDS_KEY */
        );
        return;
    }
  };
  for (var length = json2.length; position < length; position++) {
    var char = json2[position];
    switch (contextStack[contextStack.length - 1]) {
      case 'topLevel':
        startAny(char);
        break;
      case 'string':
        switch (char) {
          case '"':
            pop();
            break;
          case '\\':
            setRespawn(
              'stringEscape',
              /* STRING_ESCAPE */
            );
            push(
              'stringEscaped',
              /* STRING_ESCAPED */
            );
            break;
        }
        break;
      case 'stringEscaped':
        if (char === 'u') {
          push(
            'stringUnicode',
            /* STRING_UNICODE */
          );
        } else {
          clearRespawn(
            'stringEscape',
            /* STRING_ESCAPE */
          );
          pop();
        }
        break;
      case 'stringUnicode':
        if (position - json2.lastIndexOf('u', position) === 4) {
          clearRespawn(
            'stringEscape',
            /* STRING_ESCAPE */
          );
          pop();
        }
        break;
      case 'number':
        if (char === '.') {
          replace(
            'numberNeedsDigit',
            /* NUMBER_NEEDS_DIGIT */
          );
        } else if (char === 'e' || char === 'E') {
          replace(
            'numberNeedsExponent',
            /* NUMBER_NEEDS_EXPONENT */
          );
        } else if (char < '0' || char > '9') {
          dontConsumeCharacter();
          pop();
        }
        break;
      case 'numberNeedsDigit':
        replace(
          'number',
          /* NUMBER */
        );
        break;
      case 'numberNeedsExponent':
        if (char === '+' || char === '-') {
          replace(
            'numberNeedsDigit',
            /* NUMBER_NEEDS_DIGIT */
          );
        } else {
          replace(
            'number',
            /* NUMBER */
          );
        }
        break;
      case 'true':
      case 'false':
      case 'null':
        if (char < 'a' || char > 'z') {
          dontConsumeCharacter();
          pop();
        }
        break;
      case 'arrayNeedsValue':
        if (char === ']') {
          pop();
        } else if (!isWhitespace(char)) {
          clearRespawn(
            'collectionItem',
            /* COLLECTION_ITEM */
          );
          replace(
            'arrayNeedsComma',
            /* ARRAY_NEEDS_COMMA */
          );
          startAny(char);
        }
        break;
      case 'arrayNeedsComma':
        if (char === ']') {
          pop();
        } else if (char === ',') {
          setRespawn(
            'collectionItem',
            /* COLLECTION_ITEM */
          );
          replace(
            'arrayNeedsValue',
            /* ARRAY_NEEDS_VALUE */
          );
        }
        break;
      case 'objectNeedsKey':
        if (char === '}') {
          pop();
        } else if (char === '"') {
          setRespawn(
            'collectionItem',
            /* COLLECTION_ITEM */
          );
          replace(
            'objectNeedsColon',
            /* OBJECT_NEEDS_COLON */
          );
          push(
            'string',
            /* STRING */
          );
        }
        break;
      case 'objectNeedsColon':
        if (char === ':') {
          replace(
            'objectNeedsValue',
            /* OBJECT_NEEDS_VALUE */
          );
        }
        break;
      case 'objectNeedsValue':
        if (!isWhitespace(char)) {
          clearRespawn(
            'collectionItem',
            /* COLLECTION_ITEM */
          );
          replace(
            'objectNeedsComma',
            /* OBJECT_NEEDS_COMMA */
          );
          startAny(char);
        }
        break;
      case 'objectNeedsComma':
        if (char === '}') {
          pop();
        } else if (char === ',') {
          setRespawn(
            'collectionItem',
            /* COLLECTION_ITEM */
          );
          replace(
            'objectNeedsKey',
            /* OBJECT_NEEDS_KEY */
          );
        }
        break;
    }
  }
  if (respawnStackLength != null) {
    contextStack.length = respawnStackLength;
  }
  var result = [respawnPosition != null ? json2.slice(0, respawnPosition) : json2];
  var finishWord = (word) => result.push(word.slice(json2.length - json2.lastIndexOf(word[0])));
  for (var i = contextStack.length - 1; i >= 0; i--) {
    switch (contextStack[i]) {
      case 'string':
        result.push('"');
        break;
      case 'numberNeedsDigit':
      case 'numberNeedsExponent':
        result.push('0');
        break;
      case 'true':
        finishWord('true');
        break;
      case 'false':
        finishWord('false');
        break;
      case 'null':
        finishWord('null');
        break;
      case 'arrayNeedsValue':
      case 'arrayNeedsComma':
        result.push(']');
        break;
      case 'objectNeedsKey':
      case 'objectNeedsColon':
      case 'objectNeedsValue':
      case 'objectNeedsComma':
        result.push('}');
        break;
    }
  }
  return result.join('');
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/external.js
var external_exports = {};
__export(external_exports, {
  $brand: () => $brand,
  $input: () => $input,
  $output: () => $output,
  NEVER: () => NEVER,
  TimePrecision: () => TimePrecision,
  ZodAny: () => ZodAny,
  ZodArray: () => ZodArray,
  ZodBase64: () => ZodBase64,
  ZodBase64URL: () => ZodBase64URL,
  ZodBigInt: () => ZodBigInt,
  ZodBigIntFormat: () => ZodBigIntFormat,
  ZodBoolean: () => ZodBoolean,
  ZodCIDRv4: () => ZodCIDRv4,
  ZodCIDRv6: () => ZodCIDRv6,
  ZodCUID: () => ZodCUID,
  ZodCUID2: () => ZodCUID2,
  ZodCatch: () => ZodCatch,
  ZodCustom: () => ZodCustom,
  ZodCustomStringFormat: () => ZodCustomStringFormat,
  ZodDate: () => ZodDate,
  ZodDefault: () => ZodDefault,
  ZodDiscriminatedUnion: () => ZodDiscriminatedUnion,
  ZodE164: () => ZodE164,
  ZodEmail: () => ZodEmail,
  ZodEmoji: () => ZodEmoji,
  ZodEnum: () => ZodEnum,
  ZodError: () => ZodError,
  ZodFile: () => ZodFile,
  ZodGUID: () => ZodGUID,
  ZodIPv4: () => ZodIPv4,
  ZodIPv6: () => ZodIPv6,
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  ZodIntersection: () => ZodIntersection,
  ZodIssueCode: () => ZodIssueCode,
  ZodJWT: () => ZodJWT,
  ZodKSUID: () => ZodKSUID,
  ZodLazy: () => ZodLazy,
  ZodLiteral: () => ZodLiteral,
  ZodMap: () => ZodMap,
  ZodNaN: () => ZodNaN,
  ZodNanoID: () => ZodNanoID,
  ZodNever: () => ZodNever,
  ZodNonOptional: () => ZodNonOptional,
  ZodNull: () => ZodNull,
  ZodNullable: () => ZodNullable,
  ZodNumber: () => ZodNumber,
  ZodNumberFormat: () => ZodNumberFormat,
  ZodObject: () => ZodObject,
  ZodOptional: () => ZodOptional,
  ZodPipe: () => ZodPipe,
  ZodPrefault: () => ZodPrefault,
  ZodPromise: () => ZodPromise,
  ZodReadonly: () => ZodReadonly,
  ZodRealError: () => ZodRealError,
  ZodRecord: () => ZodRecord,
  ZodSet: () => ZodSet,
  ZodString: () => ZodString,
  ZodStringFormat: () => ZodStringFormat,
  ZodSuccess: () => ZodSuccess,
  ZodSymbol: () => ZodSymbol,
  ZodTemplateLiteral: () => ZodTemplateLiteral,
  ZodTransform: () => ZodTransform,
  ZodTuple: () => ZodTuple,
  ZodType: () => ZodType,
  ZodULID: () => ZodULID,
  ZodURL: () => ZodURL,
  ZodUUID: () => ZodUUID,
  ZodUndefined: () => ZodUndefined,
  ZodUnion: () => ZodUnion,
  ZodUnknown: () => ZodUnknown,
  ZodVoid: () => ZodVoid,
  ZodXID: () => ZodXID,
  _ZodString: () => _ZodString,
  _default: () => _default2,
  any: () => any,
  array: () => array,
  base64: () => base642,
  base64url: () => base64url2,
  bigint: () => bigint2,
  boolean: () => boolean2,
  catch: () => _catch2,
  check: () => check,
  cidrv4: () => cidrv42,
  cidrv6: () => cidrv62,
  clone: () => clone,
  coerce: () => coerce_exports,
  config: () => config2,
  core: () => core_exports3,
  cuid: () => cuid3,
  cuid2: () => cuid22,
  custom: () => custom,
  date: () => date3,
  discriminatedUnion: () => discriminatedUnion,
  e164: () => e1642,
  email: () => email2,
  emoji: () => emoji2,
  endsWith: () => _endsWith,
  enum: () => _enum2,
  file: () => file,
  flattenError: () => flattenError,
  float32: () => float32,
  float64: () => float64,
  formatError: () => formatError,
  function: () => _function,
  getErrorMap: () => getErrorMap,
  globalRegistry: () => globalRegistry,
  gt: () => _gt,
  gte: () => _gte,
  guid: () => guid2,
  includes: () => _includes,
  instanceof: () => _instanceof,
  int: () => int,
  int32: () => int32,
  int64: () => int64,
  intersection: () => intersection,
  ipv4: () => ipv42,
  ipv6: () => ipv62,
  iso: () => iso_exports,
  json: () => json,
  jwt: () => jwt,
  keyof: () => keyof,
  ksuid: () => ksuid2,
  lazy: () => lazy,
  length: () => _length,
  literal: () => literal,
  locales: () => locales_exports,
  looseObject: () => looseObject,
  lowercase: () => _lowercase,
  lt: () => _lt,
  lte: () => _lte,
  map: () => map2,
  maxLength: () => _maxLength,
  maxSize: () => _maxSize,
  mime: () => _mime,
  minLength: () => _minLength,
  minSize: () => _minSize,
  multipleOf: () => _multipleOf,
  nan: () => nan,
  nanoid: () => nanoid2,
  nativeEnum: () => nativeEnum,
  negative: () => _negative,
  never: () => never,
  nonnegative: () => _nonnegative,
  nonoptional: () => nonoptional,
  nonpositive: () => _nonpositive,
  normalize: () => _normalize,
  null: () => _null3,
  nullable: () => nullable,
  nullish: () => nullish2,
  number: () => number2,
  object: () => object,
  optional: () => optional,
  overwrite: () => _overwrite,
  parse: () => parse2,
  parseAsync: () => parseAsync2,
  partialRecord: () => partialRecord,
  pipe: () => pipe2,
  positive: () => _positive,
  prefault: () => prefault,
  preprocess: () => preprocess,
  prettifyError: () => prettifyError,
  promise: () => promise,
  property: () => _property,
  readonly: () => readonly,
  record: () => record,
  refine: () => refine,
  regex: () => _regex,
  regexes: () => regexes_exports,
  registry: () => registry,
  safeParse: () => safeParse2,
  safeParseAsync: () => safeParseAsync2,
  set: () => set,
  setErrorMap: () => setErrorMap,
  size: () => _size,
  startsWith: () => _startsWith,
  strictObject: () => strictObject,
  string: () => string2,
  stringFormat: () => stringFormat,
  stringbool: () => stringbool,
  success: () => success,
  superRefine: () => superRefine,
  symbol: () => symbol,
  templateLiteral: () => templateLiteral,
  toJSONSchema: () => toJSONSchema,
  toLowerCase: () => _toLowerCase,
  toUpperCase: () => _toUpperCase,
  transform: () => transform,
  treeifyError: () => treeifyError,
  trim: () => _trim,
  tuple: () => tuple,
  uint32: () => uint32,
  uint64: () => uint64,
  ulid: () => ulid2,
  undefined: () => _undefined3,
  union: () => union,
  unknown: () => unknown,
  uppercase: () => _uppercase,
  url: () => url,
  uuid: () => uuid2,
  uuidv4: () => uuidv4,
  uuidv6: () => uuidv6,
  uuidv7: () => uuidv7,
  void: () => _void2,
  xid: () => xid2,
});

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/index.js
var core_exports3 = {};
__export(core_exports3, {
  $ZodAny: () => $ZodAny,
  $ZodArray: () => $ZodArray,
  $ZodAsyncError: () => $ZodAsyncError,
  $ZodBase64: () => $ZodBase64,
  $ZodBase64URL: () => $ZodBase64URL,
  $ZodBigInt: () => $ZodBigInt,
  $ZodBigIntFormat: () => $ZodBigIntFormat,
  $ZodBoolean: () => $ZodBoolean,
  $ZodCIDRv4: () => $ZodCIDRv4,
  $ZodCIDRv6: () => $ZodCIDRv6,
  $ZodCUID: () => $ZodCUID,
  $ZodCUID2: () => $ZodCUID2,
  $ZodCatch: () => $ZodCatch,
  $ZodCheck: () => $ZodCheck,
  $ZodCheckBigIntFormat: () => $ZodCheckBigIntFormat,
  $ZodCheckEndsWith: () => $ZodCheckEndsWith,
  $ZodCheckGreaterThan: () => $ZodCheckGreaterThan,
  $ZodCheckIncludes: () => $ZodCheckIncludes,
  $ZodCheckLengthEquals: () => $ZodCheckLengthEquals,
  $ZodCheckLessThan: () => $ZodCheckLessThan,
  $ZodCheckLowerCase: () => $ZodCheckLowerCase,
  $ZodCheckMaxLength: () => $ZodCheckMaxLength,
  $ZodCheckMaxSize: () => $ZodCheckMaxSize,
  $ZodCheckMimeType: () => $ZodCheckMimeType,
  $ZodCheckMinLength: () => $ZodCheckMinLength,
  $ZodCheckMinSize: () => $ZodCheckMinSize,
  $ZodCheckMultipleOf: () => $ZodCheckMultipleOf,
  $ZodCheckNumberFormat: () => $ZodCheckNumberFormat,
  $ZodCheckOverwrite: () => $ZodCheckOverwrite,
  $ZodCheckProperty: () => $ZodCheckProperty,
  $ZodCheckRegex: () => $ZodCheckRegex,
  $ZodCheckSizeEquals: () => $ZodCheckSizeEquals,
  $ZodCheckStartsWith: () => $ZodCheckStartsWith,
  $ZodCheckStringFormat: () => $ZodCheckStringFormat,
  $ZodCheckUpperCase: () => $ZodCheckUpperCase,
  $ZodCustom: () => $ZodCustom,
  $ZodCustomStringFormat: () => $ZodCustomStringFormat,
  $ZodDate: () => $ZodDate,
  $ZodDefault: () => $ZodDefault,
  $ZodDiscriminatedUnion: () => $ZodDiscriminatedUnion,
  $ZodE164: () => $ZodE164,
  $ZodEmail: () => $ZodEmail,
  $ZodEmoji: () => $ZodEmoji,
  $ZodEnum: () => $ZodEnum,
  $ZodError: () => $ZodError,
  $ZodFile: () => $ZodFile,
  $ZodFunction: () => $ZodFunction,
  $ZodGUID: () => $ZodGUID,
  $ZodIPv4: () => $ZodIPv4,
  $ZodIPv6: () => $ZodIPv6,
  $ZodISODate: () => $ZodISODate,
  $ZodISODateTime: () => $ZodISODateTime,
  $ZodISODuration: () => $ZodISODuration,
  $ZodISOTime: () => $ZodISOTime,
  $ZodIntersection: () => $ZodIntersection,
  $ZodJWT: () => $ZodJWT,
  $ZodKSUID: () => $ZodKSUID,
  $ZodLazy: () => $ZodLazy,
  $ZodLiteral: () => $ZodLiteral,
  $ZodMap: () => $ZodMap,
  $ZodNaN: () => $ZodNaN,
  $ZodNanoID: () => $ZodNanoID,
  $ZodNever: () => $ZodNever,
  $ZodNonOptional: () => $ZodNonOptional,
  $ZodNull: () => $ZodNull,
  $ZodNullable: () => $ZodNullable,
  $ZodNumber: () => $ZodNumber,
  $ZodNumberFormat: () => $ZodNumberFormat,
  $ZodObject: () => $ZodObject,
  $ZodOptional: () => $ZodOptional,
  $ZodPipe: () => $ZodPipe,
  $ZodPrefault: () => $ZodPrefault,
  $ZodPromise: () => $ZodPromise,
  $ZodReadonly: () => $ZodReadonly,
  $ZodRealError: () => $ZodRealError,
  $ZodRecord: () => $ZodRecord,
  $ZodRegistry: () => $ZodRegistry,
  $ZodSet: () => $ZodSet,
  $ZodString: () => $ZodString,
  $ZodStringFormat: () => $ZodStringFormat,
  $ZodSuccess: () => $ZodSuccess,
  $ZodSymbol: () => $ZodSymbol,
  $ZodTemplateLiteral: () => $ZodTemplateLiteral,
  $ZodTransform: () => $ZodTransform,
  $ZodTuple: () => $ZodTuple,
  $ZodType: () => $ZodType,
  $ZodULID: () => $ZodULID,
  $ZodURL: () => $ZodURL,
  $ZodUUID: () => $ZodUUID,
  $ZodUndefined: () => $ZodUndefined,
  $ZodUnion: () => $ZodUnion,
  $ZodUnknown: () => $ZodUnknown,
  $ZodVoid: () => $ZodVoid,
  $ZodXID: () => $ZodXID,
  $brand: () => $brand,
  $constructor: () => $constructor,
  $input: () => $input,
  $output: () => $output,
  Doc: () => Doc,
  JSONSchema: () => json_schema_exports,
  JSONSchemaGenerator: () => JSONSchemaGenerator,
  NEVER: () => NEVER,
  TimePrecision: () => TimePrecision,
  _any: () => _any,
  _array: () => _array,
  _base64: () => _base64,
  _base64url: () => _base64url,
  _bigint: () => _bigint,
  _boolean: () => _boolean,
  _catch: () => _catch,
  _cidrv4: () => _cidrv4,
  _cidrv6: () => _cidrv6,
  _coercedBigint: () => _coercedBigint,
  _coercedBoolean: () => _coercedBoolean,
  _coercedDate: () => _coercedDate,
  _coercedNumber: () => _coercedNumber,
  _coercedString: () => _coercedString,
  _cuid: () => _cuid,
  _cuid2: () => _cuid2,
  _custom: () => _custom,
  _date: () => _date,
  _default: () => _default,
  _discriminatedUnion: () => _discriminatedUnion,
  _e164: () => _e164,
  _email: () => _email,
  _emoji: () => _emoji2,
  _endsWith: () => _endsWith,
  _enum: () => _enum,
  _file: () => _file,
  _float32: () => _float32,
  _float64: () => _float64,
  _gt: () => _gt,
  _gte: () => _gte,
  _guid: () => _guid,
  _includes: () => _includes,
  _int: () => _int,
  _int32: () => _int32,
  _int64: () => _int64,
  _intersection: () => _intersection,
  _ipv4: () => _ipv4,
  _ipv6: () => _ipv6,
  _isoDate: () => _isoDate,
  _isoDateTime: () => _isoDateTime,
  _isoDuration: () => _isoDuration,
  _isoTime: () => _isoTime,
  _jwt: () => _jwt,
  _ksuid: () => _ksuid,
  _lazy: () => _lazy,
  _length: () => _length,
  _literal: () => _literal,
  _lowercase: () => _lowercase,
  _lt: () => _lt,
  _lte: () => _lte,
  _map: () => _map,
  _max: () => _lte,
  _maxLength: () => _maxLength,
  _maxSize: () => _maxSize,
  _mime: () => _mime,
  _min: () => _gte,
  _minLength: () => _minLength,
  _minSize: () => _minSize,
  _multipleOf: () => _multipleOf,
  _nan: () => _nan,
  _nanoid: () => _nanoid,
  _nativeEnum: () => _nativeEnum,
  _negative: () => _negative,
  _never: () => _never,
  _nonnegative: () => _nonnegative,
  _nonoptional: () => _nonoptional,
  _nonpositive: () => _nonpositive,
  _normalize: () => _normalize,
  _null: () => _null2,
  _nullable: () => _nullable,
  _number: () => _number,
  _optional: () => _optional,
  _overwrite: () => _overwrite,
  _parse: () => _parse,
  _parseAsync: () => _parseAsync,
  _pipe: () => _pipe,
  _positive: () => _positive,
  _promise: () => _promise,
  _property: () => _property,
  _readonly: () => _readonly,
  _record: () => _record,
  _refine: () => _refine,
  _regex: () => _regex,
  _safeParse: () => _safeParse,
  _safeParseAsync: () => _safeParseAsync,
  _set: () => _set,
  _size: () => _size,
  _startsWith: () => _startsWith,
  _string: () => _string,
  _stringFormat: () => _stringFormat,
  _stringbool: () => _stringbool,
  _success: () => _success,
  _symbol: () => _symbol,
  _templateLiteral: () => _templateLiteral,
  _toLowerCase: () => _toLowerCase,
  _toUpperCase: () => _toUpperCase,
  _transform: () => _transform,
  _trim: () => _trim,
  _tuple: () => _tuple,
  _uint32: () => _uint32,
  _uint64: () => _uint64,
  _ulid: () => _ulid,
  _undefined: () => _undefined2,
  _union: () => _union,
  _unknown: () => _unknown,
  _uppercase: () => _uppercase,
  _url: () => _url,
  _uuid: () => _uuid,
  _uuidv4: () => _uuidv4,
  _uuidv6: () => _uuidv6,
  _uuidv7: () => _uuidv7,
  _void: () => _void,
  _xid: () => _xid,
  clone: () => clone,
  config: () => config2,
  flattenError: () => flattenError,
  formatError: () => formatError,
  function: () => _function,
  globalConfig: () => globalConfig,
  globalRegistry: () => globalRegistry,
  isValidBase64: () => isValidBase64,
  isValidBase64URL: () => isValidBase64URL,
  isValidJWT: () => isValidJWT,
  locales: () => locales_exports,
  parse: () => parse,
  parseAsync: () => parseAsync,
  prettifyError: () => prettifyError,
  regexes: () => regexes_exports,
  registry: () => registry,
  safeParse: () => safeParse,
  safeParseAsync: () => safeParseAsync,
  toDotPath: () => toDotPath,
  toJSONSchema: () => toJSONSchema,
  treeifyError: () => treeifyError,
  util: () => util_exports,
  version: () => version,
});

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/core.js
var NEVER = Object.freeze({
  status: 'aborted',
});
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer3, params) {
  function init2(inst, def) {
    var _a;
    Object.defineProperty(inst, '_zod', {
      value: inst._zod ?? {},
      enumerable: false,
    });
    (_a = inst._zod).traits ?? (_a.traits = /* @__PURE__ */ new Set());
    inst._zod.traits.add(name);
    initializer3(inst, def);
    for (const k2 in _.prototype) {
      if (!(k2 in inst)) Object.defineProperty(inst, k2, { value: _.prototype[k2].bind(inst) });
    }
    inst._zod.constr = _;
    inst._zod.def = def;
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {}
  Object.defineProperty(Definition, 'name', { value: name });
  function _(def) {
    var _a;
    const inst = params?.Parent ? new Definition() : this;
    init2(inst, def);
    (_a = inst._zod).deferred ?? (_a.deferred = []);
    for (const fn of inst._zod.deferred) {
      fn();
    }
    return inst;
  }
  Object.defineProperty(_, 'init', { value: init2 });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent) return true;
      return inst?._zod?.traits?.has(name);
    },
  });
  Object.defineProperty(_, 'name', { value: name });
  return _;
}
var $brand = /* @__PURE__ */ Symbol('zod_brand');
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var globalConfig = {};
function config2(newConfig) {
  if (newConfig) Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/util.js
var util_exports = {};
__export(util_exports, {
  BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
  Class: () => Class,
  NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
  aborted: () => aborted,
  allowsEval: () => allowsEval,
  assert: () => assert,
  assertEqual: () => assertEqual,
  assertIs: () => assertIs,
  assertNever: () => assertNever,
  assertNotEqual: () => assertNotEqual,
  assignProp: () => assignProp,
  cached: () => cached,
  captureStackTrace: () => captureStackTrace,
  cleanEnum: () => cleanEnum,
  cleanRegex: () => cleanRegex,
  clone: () => clone,
  createTransparentProxy: () => createTransparentProxy,
  defineLazy: () => defineLazy,
  esc: () => esc,
  escapeRegex: () => escapeRegex,
  extend: () => extend,
  finalizeIssue: () => finalizeIssue,
  floatSafeRemainder: () => floatSafeRemainder,
  getElementAtPath: () => getElementAtPath,
  getEnumValues: () => getEnumValues,
  getLengthableOrigin: () => getLengthableOrigin,
  getParsedType: () => getParsedType,
  getSizableOrigin: () => getSizableOrigin,
  isObject: () => isObject,
  isPlainObject: () => isPlainObject,
  issue: () => issue,
  joinValues: () => joinValues,
  jsonStringifyReplacer: () => jsonStringifyReplacer,
  merge: () => merge,
  normalizeParams: () => normalizeParams,
  nullish: () => nullish,
  numKeys: () => numKeys,
  omit: () => omit2,
  optionalKeys: () => optionalKeys,
  partial: () => partial,
  pick: () => pick,
  prefixIssues: () => prefixIssues,
  primitiveTypes: () => primitiveTypes,
  promiseAllObject: () => promiseAllObject,
  propertyKeyTypes: () => propertyKeyTypes,
  randomString: () => randomString,
  required: () => required,
  stringifyPrimitive: () => stringifyPrimitive,
  unwrapMessage: () => unwrapMessage,
});
function assertEqual(val) {
  return val;
}
function assertNotEqual(val) {
  return val;
}
function assertIs(_arg) {}
function assertNever(_x) {
  throw new Error();
}
function assert(_) {}
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === 'number');
  const values = Object.entries(entries)
    .filter(([k2, _]) => numericValues.indexOf(+k2) === -1)
    .map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = '|') {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === 'bigint') return value.toString();
  return value;
}
function cached(getter) {
  const set2 = false;
  return {
    get value() {
      if (!set2) {
        const value = getter();
        Object.defineProperty(this, 'value', { value });
        return value;
      }
      throw new Error('cached value already set');
    },
  };
}
function nullish(input2) {
  return input2 === null || input2 === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith('^') ? 1 : 0;
  const end = source.endsWith('$') ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
  const valDecCount = (val.toString().split('.')[1] || '').length;
  const stepDecCount = (step.toString().split('.')[1] || '').length;
  const decCount = valDecCount > stepDecCount ? valDecCount : stepDecCount;
  const valInt = Number.parseInt(val.toFixed(decCount).replace('.', ''));
  const stepInt = Number.parseInt(step.toFixed(decCount).replace('.', ''));
  return (valInt % stepInt) / 10 ** decCount;
}
function defineLazy(object2, key, getter) {
  const set2 = false;
  Object.defineProperty(object2, key, {
    get() {
      if (!set2) {
        const value = getter();
        object2[key] = value;
        return value;
      }
      throw new Error('cached value already set');
    },
    set(v) {
      Object.defineProperty(object2, key, {
        value: v,
        // configurable: true,
      });
    },
    configurable: true,
  });
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
function getElementAtPath(obj, path) {
  if (!path) return obj;
  return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
  const keys = Object.keys(promisesObj);
  const promises = keys.map((key) => promisesObj[key]);
  return Promise.all(promises).then((results) => {
    const resolvedObj = {};
    for (let i = 0; i < keys.length; i++) {
      resolvedObj[keys[i]] = results[i];
    }
    return resolvedObj;
  });
}
function randomString(length = 10) {
  const chars = 'abcdefghijklmnopqrstuvwxyz';
  let str = '';
  for (let i = 0; i < length; i++) {
    str += chars[Math.floor(Math.random() * chars.length)];
  }
  return str;
}
function esc(str) {
  return JSON.stringify(str);
}
var captureStackTrace = Error.captureStackTrace ? Error.captureStackTrace : (..._args) => {};
function isObject(data) {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
var allowsEval = cached(() => {
  if (typeof navigator !== 'undefined' && navigator?.userAgent?.includes('Cloudflare')) {
    return false;
  }
  try {
    const F2 = Function;
    new F2('');
    return true;
  } catch (_) {
    return false;
  }
});
function isPlainObject(o) {
  if (isObject(o) === false) return false;
  const ctor = o.constructor;
  if (ctor === void 0) return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false) return false;
  if (Object.hasOwn(prot, 'isPrototypeOf') === false) {
    return false;
  }
  return true;
}
function numKeys(data) {
  let keyCount = 0;
  for (const key in data) {
    if (Object.hasOwn(data, key)) {
      keyCount++;
    }
  }
  return keyCount;
}
var getParsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return 'string';
    case 'number':
      return Number.isNaN(data) ? 'nan' : 'number';
    case 'boolean':
      return 'boolean';
    case 'function':
      return 'function';
    case 'bigint':
      return 'bigint';
    case 'symbol':
      return 'symbol';
    case 'object':
      if (Array.isArray(data)) {
        return 'array';
      }
      if (data === null) {
        return 'null';
      }
      if (data.then && typeof data.then === 'function' && data.catch && typeof data.catch === 'function') {
        return 'promise';
      }
      if (typeof Map !== 'undefined' && data instanceof Map) {
        return 'map';
      }
      if (typeof Set !== 'undefined' && data instanceof Set) {
        return 'set';
      }
      if (typeof Date !== 'undefined' && data instanceof Date) {
        return 'date';
      }
      if (typeof File !== 'undefined' && data instanceof File) {
        return 'file';
      }
      return 'object';
    default:
      throw new Error(`Unknown data type: ${t}`);
  }
};
var propertyKeyTypes = /* @__PURE__ */ new Set(['string', 'number', 'symbol']);
var primitiveTypes = /* @__PURE__ */ new Set(['string', 'number', 'bigint', 'boolean', 'symbol', 'undefined']);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent) cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params) return {};
  if (typeof params === 'string') return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0) throw new Error('Cannot specify both `message` and `error` params');
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === 'string') return { ...params, error: () => params.error };
  return params;
}
function createTransparentProxy(getter) {
  let target;
  return new Proxy(
    {},
    {
      get(_, prop, receiver) {
        target ?? (target = getter());
        return Reflect.get(target, prop, receiver);
      },
      set(_, prop, value, receiver) {
        target ?? (target = getter());
        return Reflect.set(target, prop, value, receiver);
      },
      has(_, prop) {
        target ?? (target = getter());
        return Reflect.has(target, prop);
      },
      deleteProperty(_, prop) {
        target ?? (target = getter());
        return Reflect.deleteProperty(target, prop);
      },
      ownKeys(_) {
        target ?? (target = getter());
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(_, prop) {
        target ?? (target = getter());
        return Reflect.getOwnPropertyDescriptor(target, prop);
      },
      defineProperty(_, prop, descriptor) {
        target ?? (target = getter());
        return Reflect.defineProperty(target, prop, descriptor);
      },
    },
  );
}
function stringifyPrimitive(value) {
  if (typeof value === 'bigint') return value.toString() + 'n';
  if (typeof value === 'string') return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k2) => {
    return shape[k2]._zod.optin === 'optional' && shape[k2]._zod.optout === 'optional';
  });
}
var NUMBER_FORMAT_RANGES = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
};
var BIGINT_FORMAT_RANGES = {
  int64: [/* @__PURE__ */ BigInt('-9223372036854775808'), /* @__PURE__ */ BigInt('9223372036854775807')],
  uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt('18446744073709551615')],
};
function pick(schema, mask) {
  const newShape = {};
  const currDef = schema._zod.def;
  for (const key in mask) {
    if (!(key in currDef.shape)) {
      throw new Error(`Unrecognized key: "${key}"`);
    }
    if (!mask[key]) continue;
    newShape[key] = currDef.shape[key];
  }
  return clone(schema, {
    ...schema._zod.def,
    shape: newShape,
    checks: [],
  });
}
function omit2(schema, mask) {
  const newShape = { ...schema._zod.def.shape };
  const currDef = schema._zod.def;
  for (const key in mask) {
    if (!(key in currDef.shape)) {
      throw new Error(`Unrecognized key: "${key}"`);
    }
    if (!mask[key]) continue;
    delete newShape[key];
  }
  return clone(schema, {
    ...schema._zod.def,
    shape: newShape,
    checks: [],
  });
}
function extend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error('Invalid input to extend: expected a plain object');
  }
  const def = {
    ...schema._zod.def,
    get shape() {
      const _shape = { ...schema._zod.def.shape, ...shape };
      assignProp(this, 'shape', _shape);
      return _shape;
    },
    checks: [],
    // delete existing checks
  };
  return clone(schema, def);
}
function merge(a, b) {
  return clone(a, {
    ...a._zod.def,
    get shape() {
      const _shape = { ...a._zod.def.shape, ...b._zod.def.shape };
      assignProp(this, 'shape', _shape);
      return _shape;
    },
    catchall: b._zod.def.catchall,
    checks: [],
    // delete existing checks
  });
}
function partial(Class2, schema, mask) {
  const oldShape = schema._zod.def.shape;
  const shape = { ...oldShape };
  if (mask) {
    for (const key in mask) {
      if (!(key in oldShape)) {
        throw new Error(`Unrecognized key: "${key}"`);
      }
      if (!mask[key]) continue;
      shape[key] = Class2
        ? new Class2({
            type: 'optional',
            innerType: oldShape[key],
          })
        : oldShape[key];
    }
  } else {
    for (const key in oldShape) {
      shape[key] = Class2
        ? new Class2({
            type: 'optional',
            innerType: oldShape[key],
          })
        : oldShape[key];
    }
  }
  return clone(schema, {
    ...schema._zod.def,
    shape,
    checks: [],
  });
}
function required(Class2, schema, mask) {
  const oldShape = schema._zod.def.shape;
  const shape = { ...oldShape };
  if (mask) {
    for (const key in mask) {
      if (!(key in shape)) {
        throw new Error(`Unrecognized key: "${key}"`);
      }
      if (!mask[key]) continue;
      shape[key] = new Class2({
        type: 'nonoptional',
        innerType: oldShape[key],
      });
    }
  } else {
    for (const key in oldShape) {
      shape[key] = new Class2({
        type: 'nonoptional',
        innerType: oldShape[key],
      });
    }
  }
  return clone(schema, {
    ...schema._zod.def,
    shape,
    // optional: [],
    checks: [],
  });
}
function aborted(x, startIndex = 0) {
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) return true;
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a;
    (_a = iss).path ?? (_a.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === 'string' ? message : message?.message;
}
function finalizeIssue(iss, ctx, config3) {
  const full = { ...iss, path: iss.path ?? [] };
  if (!iss.message) {
    const message =
      unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
      unwrapMessage(ctx?.error?.(iss)) ??
      unwrapMessage(config3.customError?.(iss)) ??
      unwrapMessage(config3.localeError?.(iss)) ??
      'Invalid input';
    full.message = message;
  }
  delete full.inst;
  delete full.continue;
  if (!ctx?.reportInput) {
    delete full.input;
  }
  return full;
}
function getSizableOrigin(input2) {
  if (input2 instanceof Set) return 'set';
  if (input2 instanceof Map) return 'map';
  if (input2 instanceof File) return 'file';
  return 'unknown';
}
function getLengthableOrigin(input2) {
  if (Array.isArray(input2)) return 'array';
  if (typeof input2 === 'string') return 'string';
  return 'unknown';
}
function issue(...args) {
  const [iss, input2, inst] = args;
  if (typeof iss === 'string') {
    return {
      message: iss,
      code: 'custom',
      input: input2,
      inst,
    };
  }
  return { ...iss };
}
function cleanEnum(obj) {
  return Object.entries(obj)
    .filter(([k2, _]) => {
      return Number.isNaN(Number.parseInt(k2, 10));
    })
    .map((el2) => el2[1]);
}
var Class = class {
  constructor(..._args) {}
};

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/errors.js
var initializer = (inst, def) => {
  inst.name = '$ZodError';
  Object.defineProperty(inst, '_zod', {
    value: inst._zod,
    enumerable: false,
  });
  Object.defineProperty(inst, 'issues', {
    value: def,
    enumerable: false,
  });
  Object.defineProperty(inst, 'message', {
    get() {
      return JSON.stringify(def, jsonStringifyReplacer, 2);
    },
    enumerable: true,
    // configurable: false,
  });
  Object.defineProperty(inst, 'toString', {
    value: () => inst.message,
    enumerable: false,
  });
};
var $ZodError = $constructor('$ZodError', initializer);
var $ZodRealError = $constructor('$ZodError', initializer, { Parent: Error });
function flattenError(error40, mapper = (issue2) => issue2.message) {
  const fieldErrors = {};
  const formErrors = [];
  for (const sub of error40.issues) {
    if (sub.path.length > 0) {
      fieldErrors[sub.path[0]] = fieldErrors[sub.path[0]] || [];
      fieldErrors[sub.path[0]].push(mapper(sub));
    } else {
      formErrors.push(mapper(sub));
    }
  }
  return { formErrors, fieldErrors };
}
function formatError(error40, _mapper) {
  const mapper = _mapper || ((issue2) => issue2.message);
  const fieldErrors = { _errors: [] };
  const processError = (error41) => {
    for (const issue2 of error41.issues) {
      if (issue2.code === 'invalid_union' && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }));
      } else if (issue2.code === 'invalid_key') {
        processError({ issues: issue2.issues });
      } else if (issue2.code === 'invalid_element') {
        processError({ issues: issue2.issues });
      } else if (issue2.path.length === 0) {
        fieldErrors._errors.push(mapper(issue2));
      } else {
        let curr = fieldErrors;
        let i = 0;
        while (i < issue2.path.length) {
          const el2 = issue2.path[i];
          const terminal = i === issue2.path.length - 1;
          if (!terminal) {
            curr[el2] = curr[el2] || { _errors: [] };
          } else {
            curr[el2] = curr[el2] || { _errors: [] };
            curr[el2]._errors.push(mapper(issue2));
          }
          curr = curr[el2];
          i++;
        }
      }
    }
  };
  processError(error40);
  return fieldErrors;
}
function treeifyError(error40, _mapper) {
  const mapper = _mapper || ((issue2) => issue2.message);
  const result = { errors: [] };
  const processError = (error41, path = []) => {
    var _a, _b;
    for (const issue2 of error41.issues) {
      if (issue2.code === 'invalid_union' && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, issue2.path));
      } else if (issue2.code === 'invalid_key') {
        processError({ issues: issue2.issues }, issue2.path);
      } else if (issue2.code === 'invalid_element') {
        processError({ issues: issue2.issues }, issue2.path);
      } else {
        const fullpath = [...path, ...issue2.path];
        if (fullpath.length === 0) {
          result.errors.push(mapper(issue2));
          continue;
        }
        let curr = result;
        let i = 0;
        while (i < fullpath.length) {
          const el2 = fullpath[i];
          const terminal = i === fullpath.length - 1;
          if (typeof el2 === 'string') {
            curr.properties ?? (curr.properties = {});
            (_a = curr.properties)[el2] ?? (_a[el2] = { errors: [] });
            curr = curr.properties[el2];
          } else {
            curr.items ?? (curr.items = []);
            (_b = curr.items)[el2] ?? (_b[el2] = { errors: [] });
            curr = curr.items[el2];
          }
          if (terminal) {
            curr.errors.push(mapper(issue2));
          }
          i++;
        }
      }
    }
  };
  processError(error40);
  return result;
}
function toDotPath(path) {
  const segs = [];
  for (const seg of path) {
    if (typeof seg === 'number') segs.push(`[${seg}]`);
    else if (typeof seg === 'symbol') segs.push(`[${JSON.stringify(String(seg))}]`);
    else if (/[^\w$]/.test(seg)) segs.push(`[${JSON.stringify(seg)}]`);
    else {
      if (segs.length) segs.push('.');
      segs.push(seg);
    }
  }
  return segs.join('');
}
function prettifyError(error40) {
  const lines = [];
  const issues = [...error40.issues].sort((a, b) => a.path.length - b.path.length);
  for (const issue2 of issues) {
    lines.push(`✖ ${issue2.message}`);
    if (issue2.path?.length) lines.push(`  → at ${toDotPath(issue2.path)}`);
  }
  return lines.join('\n');
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/parse.js
var _parse = (_Err) => (schema, value, _ctx, _params) => {
  const ctx = _ctx ? Object.assign(_ctx, { async: false }) : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  if (result.issues.length) {
    const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config2())));
    captureStackTrace(e, _params?.callee);
    throw e;
  }
  return result.value;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => async (schema, value, _ctx, params) => {
  const ctx = _ctx ? Object.assign(_ctx, { async: true }) : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) result = await result;
  if (result.issues.length) {
    const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config2())));
    captureStackTrace(e, params?.callee);
    throw e;
  }
  return result.value;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length
    ? {
        success: false,
        error: new (_Err ?? $ZodError)(result.issues.map((iss) => finalizeIssue(iss, ctx, config2()))),
      }
    : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? Object.assign(_ctx, { async: true }) : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) result = await result;
  return result.issues.length
    ? {
        success: false,
        error: new _Err(result.issues.map((iss) => finalizeIssue(iss, ctx, config2()))),
      }
    : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/regexes.js
var regexes_exports = {};
__export(regexes_exports, {
  _emoji: () => _emoji,
  base64: () => base64,
  base64url: () => base64url,
  bigint: () => bigint,
  boolean: () => boolean,
  browserEmail: () => browserEmail,
  cidrv4: () => cidrv4,
  cidrv6: () => cidrv6,
  cuid: () => cuid,
  cuid2: () => cuid2,
  date: () => date,
  datetime: () => datetime,
  domain: () => domain,
  duration: () => duration,
  e164: () => e164,
  email: () => email,
  emoji: () => emoji,
  extendedDuration: () => extendedDuration,
  guid: () => guid,
  hostname: () => hostname,
  html5Email: () => html5Email,
  integer: () => integer,
  ipv4: () => ipv4,
  ipv6: () => ipv6,
  ksuid: () => ksuid,
  lowercase: () => lowercase,
  nanoid: () => nanoid,
  null: () => _null,
  number: () => number,
  rfc5322Email: () => rfc5322Email,
  string: () => string,
  time: () => time,
  ulid: () => ulid,
  undefined: () => _undefined,
  unicodeEmail: () => unicodeEmail,
  uppercase: () => uppercase,
  uuid: () => uuid,
  uuid4: () => uuid4,
  uuid6: () => uuid6,
  uuid7: () => uuid7,
  xid: () => xid,
});
var cuid = /^[cC][^\s-]{8,}$/;
var cuid2 = /^[0-9a-z]+$/;
var ulid = /^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$/;
var xid = /^[0-9a-vA-V]{20}$/;
var ksuid = /^[A-Za-z0-9]{27}$/;
var nanoid = /^[a-zA-Z0-9_-]{21}$/;
var duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
var extendedDuration =
  /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
var guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
var uuid = (version2) => {
  if (!version2)
    return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000)$/;
  return new RegExp(
    `^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`,
  );
};
var uuid4 = /* @__PURE__ */ uuid(4);
var uuid6 = /* @__PURE__ */ uuid(6);
var uuid7 = /* @__PURE__ */ uuid(7);
var email = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
var html5Email =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
var rfc5322Email =
  /^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
var unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
var browserEmail =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
var _emoji = `^(\\p{Extended_Pictographic}|\\p{Emoji_Component})+$`;
function emoji() {
  return new RegExp(_emoji, 'u');
}
var ipv4 =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
var ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|::|([0-9a-fA-F]{1,4})?::([0-9a-fA-F]{1,4}:?){0,6})$/;
var cidrv4 =
  /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
var cidrv6 =
  /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|::|([0-9a-fA-F]{1,4})?::([0-9a-fA-F]{1,4}:?){0,6})\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
var base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
var base64url = /^[A-Za-z0-9_-]*$/;
var hostname = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
var domain = /^([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$/;
var e164 = /^\+(?:[0-9]){6,14}[0-9]$/;
var dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
var date = /* @__PURE__ */ new RegExp(`^${dateSource}$`);
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex =
    typeof args.precision === 'number'
      ? args.precision === -1
        ? `${hhmm}`
        : args.precision === 0
          ? `${hhmm}:[0-5]\\d`
          : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
      : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const time3 = timeSource({ precision: args.precision });
  const opts = ['Z'];
  if (args.local) opts.push('');
  if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
  const timeRegex = `${time3}(?:${opts.join('|')})`;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var string = (params) => {
  const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ''}}` : `[\\s\\S]*`;
  return new RegExp(`^${regex}$`);
};
var bigint = /^\d+n?$/;
var integer = /^\d+$/;
var number = /^-?\d+(?:\.\d+)?/i;
var boolean = /true|false/i;
var _null = /null/i;
var _undefined = /undefined/i;
var lowercase = /^[^A-Z]*$/;
var uppercase = /^[^a-z]*$/;

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor('$ZodCheck', (inst, def) => {
  var _a;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a = inst._zod).onattach ?? (_a.onattach = []);
});
var numericOriginMap = {
  number: 'number',
  bigint: 'bigint',
  object: 'date',
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor('$ZodCheckLessThan', (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    const curr = (def.inclusive ? bag.maximum : bag.exclusiveMaximum) ?? Number.POSITIVE_INFINITY;
    if (def.value < curr) {
      if (def.inclusive) bag.maximum = def.value;
      else bag.exclusiveMaximum = def.value;
    }
  });
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin,
      code: 'too_big',
      maximum: def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor('$ZodCheckGreaterThan', (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    const curr = (def.inclusive ? bag.minimum : bag.exclusiveMinimum) ?? Number.NEGATIVE_INFINITY;
    if (def.value > curr) {
      if (def.inclusive) bag.minimum = def.value;
      else bag.exclusiveMinimum = def.value;
    }
  });
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin,
      code: 'too_small',
      minimum: def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckMultipleOf = /* @__PURE__ */ $constructor('$ZodCheckMultipleOf', (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.onattach.push((inst2) => {
    var _a;
    (_a = inst2._zod.bag).multipleOf ?? (_a.multipleOf = def.value);
  });
  inst._zod.check = (payload) => {
    if (typeof payload.value !== typeof def.value)
      throw new Error('Cannot mix number and bigint in multiple_of check.');
    const isMultiple =
      typeof payload.value === 'bigint'
        ? payload.value % def.value === BigInt(0)
        : floatSafeRemainder(payload.value, def.value) === 0;
    if (isMultiple) return;
    payload.issues.push({
      origin: typeof payload.value,
      code: 'not_multiple_of',
      divisor: def.value,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor('$ZodCheckNumberFormat', (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || 'float64';
  const isInt = def.format?.includes('int');
  const origin = isInt ? 'int' : 'number';
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.format = def.format;
    bag.minimum = minimum;
    bag.maximum = maximum;
    if (isInt) bag.pattern = integer;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    if (isInt) {
      if (!Number.isInteger(input2)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: 'invalid_type',
          input: input2,
          inst,
        });
        return;
      }
      if (!Number.isSafeInteger(input2)) {
        if (input2 > 0) {
          payload.issues.push({
            input: input2,
            code: 'too_big',
            maximum: Number.MAX_SAFE_INTEGER,
            note: 'Integers must be within the safe integer range.',
            inst,
            origin,
            continue: !def.abort,
          });
        } else {
          payload.issues.push({
            input: input2,
            code: 'too_small',
            minimum: Number.MIN_SAFE_INTEGER,
            note: 'Integers must be within the safe integer range.',
            inst,
            origin,
            continue: !def.abort,
          });
        }
        return;
      }
    }
    if (input2 < minimum) {
      payload.issues.push({
        origin: 'number',
        input: input2,
        code: 'too_small',
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort,
      });
    }
    if (input2 > maximum) {
      payload.issues.push({
        origin: 'number',
        input: input2,
        code: 'too_big',
        maximum,
        inst,
      });
    }
  };
});
var $ZodCheckBigIntFormat = /* @__PURE__ */ $constructor('$ZodCheckBigIntFormat', (inst, def) => {
  $ZodCheck.init(inst, def);
  const [minimum, maximum] = BIGINT_FORMAT_RANGES[def.format];
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.format = def.format;
    bag.minimum = minimum;
    bag.maximum = maximum;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    if (input2 < minimum) {
      payload.issues.push({
        origin: 'bigint',
        input: input2,
        code: 'too_small',
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort,
      });
    }
    if (input2 > maximum) {
      payload.issues.push({
        origin: 'bigint',
        input: input2,
        code: 'too_big',
        maximum,
        inst,
      });
    }
  };
});
var $ZodCheckMaxSize = /* @__PURE__ */ $constructor('$ZodCheckMaxSize', (inst, def) => {
  var _a;
  $ZodCheck.init(inst, def);
  (_a = inst._zod.def).when ??
    (_a.when = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.size !== void 0;
    });
  inst._zod.onattach.push((inst2) => {
    const curr = inst2._zod.bag.maximum ?? Number.POSITIVE_INFINITY;
    if (def.maximum < curr) inst2._zod.bag.maximum = def.maximum;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const size = input2.size;
    if (size <= def.maximum) return;
    payload.issues.push({
      origin: getSizableOrigin(input2),
      code: 'too_big',
      maximum: def.maximum,
      input: input2,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckMinSize = /* @__PURE__ */ $constructor('$ZodCheckMinSize', (inst, def) => {
  var _a;
  $ZodCheck.init(inst, def);
  (_a = inst._zod.def).when ??
    (_a.when = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.size !== void 0;
    });
  inst._zod.onattach.push((inst2) => {
    const curr = inst2._zod.bag.minimum ?? Number.NEGATIVE_INFINITY;
    if (def.minimum > curr) inst2._zod.bag.minimum = def.minimum;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const size = input2.size;
    if (size >= def.minimum) return;
    payload.issues.push({
      origin: getSizableOrigin(input2),
      code: 'too_small',
      minimum: def.minimum,
      input: input2,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckSizeEquals = /* @__PURE__ */ $constructor('$ZodCheckSizeEquals', (inst, def) => {
  var _a;
  $ZodCheck.init(inst, def);
  (_a = inst._zod.def).when ??
    (_a.when = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.size !== void 0;
    });
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.minimum = def.size;
    bag.maximum = def.size;
    bag.size = def.size;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const size = input2.size;
    if (size === def.size) return;
    const tooBig = size > def.size;
    payload.issues.push({
      origin: getSizableOrigin(input2),
      ...(tooBig ? { code: 'too_big', maximum: def.size } : { code: 'too_small', minimum: def.size }),
      inclusive: true,
      exact: true,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor('$ZodCheckMaxLength', (inst, def) => {
  var _a;
  $ZodCheck.init(inst, def);
  (_a = inst._zod.def).when ??
    (_a.when = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.length !== void 0;
    });
  inst._zod.onattach.push((inst2) => {
    const curr = inst2._zod.bag.maximum ?? Number.POSITIVE_INFINITY;
    if (def.maximum < curr) inst2._zod.bag.maximum = def.maximum;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const length = input2.length;
    if (length <= def.maximum) return;
    const origin = getLengthableOrigin(input2);
    payload.issues.push({
      origin,
      code: 'too_big',
      maximum: def.maximum,
      inclusive: true,
      input: input2,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor('$ZodCheckMinLength', (inst, def) => {
  var _a;
  $ZodCheck.init(inst, def);
  (_a = inst._zod.def).when ??
    (_a.when = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.length !== void 0;
    });
  inst._zod.onattach.push((inst2) => {
    const curr = inst2._zod.bag.minimum ?? Number.NEGATIVE_INFINITY;
    if (def.minimum > curr) inst2._zod.bag.minimum = def.minimum;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const length = input2.length;
    if (length >= def.minimum) return;
    const origin = getLengthableOrigin(input2);
    payload.issues.push({
      origin,
      code: 'too_small',
      minimum: def.minimum,
      inclusive: true,
      input: input2,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckLengthEquals = /* @__PURE__ */ $constructor('$ZodCheckLengthEquals', (inst, def) => {
  var _a;
  $ZodCheck.init(inst, def);
  (_a = inst._zod.def).when ??
    (_a.when = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.length !== void 0;
    });
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.minimum = def.length;
    bag.maximum = def.length;
    bag.length = def.length;
  });
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const length = input2.length;
    if (length === def.length) return;
    const origin = getLengthableOrigin(input2);
    const tooBig = length > def.length;
    payload.issues.push({
      origin,
      ...(tooBig ? { code: 'too_big', maximum: def.length } : { code: 'too_small', minimum: def.length }),
      inclusive: true,
      exact: true,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor('$ZodCheckStringFormat', (inst, def) => {
  var _a, _b;
  $ZodCheck.init(inst, def);
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.format = def.format;
    if (def.pattern) {
      bag.patterns ?? (bag.patterns = /* @__PURE__ */ new Set());
      bag.patterns.add(def.pattern);
    }
  });
  if (def.pattern)
    (_a = inst._zod).check ??
      (_a.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value)) return;
        payload.issues.push({
          origin: 'string',
          code: 'invalid_format',
          format: def.format,
          input: payload.value,
          ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
          inst,
          continue: !def.abort,
        });
      });
  else (_b = inst._zod).check ?? (_b.check = () => {});
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor('$ZodCheckRegex', (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value)) return;
    payload.issues.push({
      origin: 'string',
      code: 'invalid_format',
      format: 'regex',
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckLowerCase = /* @__PURE__ */ $constructor('$ZodCheckLowerCase', (inst, def) => {
  def.pattern ?? (def.pattern = lowercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckUpperCase = /* @__PURE__ */ $constructor('$ZodCheckUpperCase', (inst, def) => {
  def.pattern ?? (def.pattern = uppercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckIncludes = /* @__PURE__ */ $constructor('$ZodCheckIncludes', (inst, def) => {
  $ZodCheck.init(inst, def);
  const escapedRegex = escapeRegex(def.includes);
  const pattern = new RegExp(typeof def.position === 'number' ? `^.{${def.position}}${escapedRegex}` : escapedRegex);
  def.pattern = pattern;
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.patterns ?? (bag.patterns = /* @__PURE__ */ new Set());
    bag.patterns.add(pattern);
  });
  inst._zod.check = (payload) => {
    if (payload.value.includes(def.includes, def.position)) return;
    payload.issues.push({
      origin: 'string',
      code: 'invalid_format',
      format: 'includes',
      includes: def.includes,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckStartsWith = /* @__PURE__ */ $constructor('$ZodCheckStartsWith', (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.patterns ?? (bag.patterns = /* @__PURE__ */ new Set());
    bag.patterns.add(pattern);
  });
  inst._zod.check = (payload) => {
    if (payload.value.startsWith(def.prefix)) return;
    payload.issues.push({
      origin: 'string',
      code: 'invalid_format',
      format: 'starts_with',
      prefix: def.prefix,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCheckEndsWith = /* @__PURE__ */ $constructor('$ZodCheckEndsWith', (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.patterns ?? (bag.patterns = /* @__PURE__ */ new Set());
    bag.patterns.add(pattern);
  });
  inst._zod.check = (payload) => {
    if (payload.value.endsWith(def.suffix)) return;
    payload.issues.push({
      origin: 'string',
      code: 'invalid_format',
      format: 'ends_with',
      suffix: def.suffix,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
function handleCheckPropertyResult(result, payload, property) {
  if (result.issues.length) {
    payload.issues.push(...prefixIssues(property, result.issues));
  }
}
var $ZodCheckProperty = /* @__PURE__ */ $constructor('$ZodCheckProperty', (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    const result = def.schema._zod.run(
      {
        value: payload.value[def.property],
        issues: [],
      },
      {},
    );
    if (result instanceof Promise) {
      return result.then((result2) => handleCheckPropertyResult(result2, payload, def.property));
    }
    handleCheckPropertyResult(result, payload, def.property);
    return;
  };
});
var $ZodCheckMimeType = /* @__PURE__ */ $constructor('$ZodCheckMimeType', (inst, def) => {
  $ZodCheck.init(inst, def);
  const mimeSet = new Set(def.mime);
  inst._zod.onattach.push((inst2) => {
    inst2._zod.bag.mime = def.mime;
  });
  inst._zod.check = (payload) => {
    if (mimeSet.has(payload.value.type)) return;
    payload.issues.push({
      code: 'invalid_value',
      values: def.mime,
      input: payload.value.type,
      inst,
    });
  };
});
var $ZodCheckOverwrite = /* @__PURE__ */ $constructor('$ZodCheckOverwrite', (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    payload.value = def.tx(payload.value);
  };
});

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/doc.js
var Doc = class {
  constructor(args = []) {
    this.content = [];
    this.indent = 0;
    if (this) this.args = args;
  }
  indented(fn) {
    this.indent += 1;
    fn(this);
    this.indent -= 1;
  }
  write(arg) {
    if (typeof arg === 'function') {
      arg(this, { execution: 'sync' });
      arg(this, { execution: 'async' });
      return;
    }
    const content = arg;
    const lines = content.split('\n').filter((x) => x);
    const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
    const dedented = lines.map((x) => x.slice(minIndent)).map((x) => ' '.repeat(this.indent * 2) + x);
    for (const line of dedented) {
      this.content.push(line);
    }
  }
  compile() {
    const F2 = Function;
    const args = this?.args;
    const content = this?.content ?? [``];
    const lines = [...content.map((x) => `  ${x}`)];
    return new F2(...args, lines.join('\n'));
  }
};

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 0,
  patch: 0,
};

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor('$ZodType', (inst, def) => {
  var _a;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const checks = [...(inst._zod.def.checks ?? [])];
  if (inst._zod.traits.has('$ZodCheck')) {
    checks.unshift(inst);
  }
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a = inst._zod).deferred ?? (_a.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun) continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen) return;
            if (!isAborted) isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen) continue;
          if (!isAborted) isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    inst._zod.run = (payload, ctx) => {
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false) throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
  inst['~standard'] = {
    validate: (value) => {
      try {
        const r2 = safeParse(inst, value);
        return r2.success ? { value: r2.data } : { issues: r2.error?.issues };
      } catch (_) {
        return safeParseAsync(inst, value).then((r2) =>
          r2.success ? { value: r2.data } : { issues: r2.error?.issues },
        );
      }
    },
    vendor: 'zod',
    version: 1,
  };
});
var $ZodString = /* @__PURE__ */ $constructor('$ZodString', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = [...(inst?._zod.bag?.patterns ?? [])].pop() ?? string(inst._zod.bag);
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {}
    if (typeof payload.value === 'string') return payload;
    payload.issues.push({
      expected: 'string',
      code: 'invalid_type',
      input: payload.value,
      inst,
    });
    return payload;
  };
});
var $ZodStringFormat = /* @__PURE__ */ $constructor('$ZodStringFormat', (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  $ZodString.init(inst, def);
});
var $ZodGUID = /* @__PURE__ */ $constructor('$ZodGUID', (inst, def) => {
  def.pattern ?? (def.pattern = guid);
  $ZodStringFormat.init(inst, def);
});
var $ZodUUID = /* @__PURE__ */ $constructor('$ZodUUID', (inst, def) => {
  if (def.version) {
    const versionMap = {
      v1: 1,
      v2: 2,
      v3: 3,
      v4: 4,
      v5: 5,
      v6: 6,
      v7: 7,
      v8: 8,
    };
    const v = versionMap[def.version];
    if (v === void 0) throw new Error(`Invalid UUID version: "${def.version}"`);
    def.pattern ?? (def.pattern = uuid(v));
  } else def.pattern ?? (def.pattern = uuid());
  $ZodStringFormat.init(inst, def);
});
var $ZodEmail = /* @__PURE__ */ $constructor('$ZodEmail', (inst, def) => {
  def.pattern ?? (def.pattern = email);
  $ZodStringFormat.init(inst, def);
});
var $ZodURL = /* @__PURE__ */ $constructor('$ZodURL', (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    try {
      const orig = payload.value;
      const url2 = new URL(orig);
      const href = url2.href;
      if (def.hostname) {
        def.hostname.lastIndex = 0;
        if (!def.hostname.test(url2.hostname)) {
          payload.issues.push({
            code: 'invalid_format',
            format: 'url',
            note: 'Invalid hostname',
            pattern: hostname.source,
            input: payload.value,
            inst,
            continue: !def.abort,
          });
        }
      }
      if (def.protocol) {
        def.protocol.lastIndex = 0;
        if (!def.protocol.test(url2.protocol.endsWith(':') ? url2.protocol.slice(0, -1) : url2.protocol)) {
          payload.issues.push({
            code: 'invalid_format',
            format: 'url',
            note: 'Invalid protocol',
            pattern: def.protocol.source,
            input: payload.value,
            inst,
            continue: !def.abort,
          });
        }
      }
      if (!orig.endsWith('/') && href.endsWith('/')) {
        payload.value = href.slice(0, -1);
      } else {
        payload.value = href;
      }
      return;
    } catch (_) {
      payload.issues.push({
        code: 'invalid_format',
        format: 'url',
        input: payload.value,
        inst,
        continue: !def.abort,
      });
    }
  };
});
var $ZodEmoji = /* @__PURE__ */ $constructor('$ZodEmoji', (inst, def) => {
  def.pattern ?? (def.pattern = emoji());
  $ZodStringFormat.init(inst, def);
});
var $ZodNanoID = /* @__PURE__ */ $constructor('$ZodNanoID', (inst, def) => {
  def.pattern ?? (def.pattern = nanoid);
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID = /* @__PURE__ */ $constructor('$ZodCUID', (inst, def) => {
  def.pattern ?? (def.pattern = cuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID2 = /* @__PURE__ */ $constructor('$ZodCUID2', (inst, def) => {
  def.pattern ?? (def.pattern = cuid2);
  $ZodStringFormat.init(inst, def);
});
var $ZodULID = /* @__PURE__ */ $constructor('$ZodULID', (inst, def) => {
  def.pattern ?? (def.pattern = ulid);
  $ZodStringFormat.init(inst, def);
});
var $ZodXID = /* @__PURE__ */ $constructor('$ZodXID', (inst, def) => {
  def.pattern ?? (def.pattern = xid);
  $ZodStringFormat.init(inst, def);
});
var $ZodKSUID = /* @__PURE__ */ $constructor('$ZodKSUID', (inst, def) => {
  def.pattern ?? (def.pattern = ksuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodISODateTime = /* @__PURE__ */ $constructor('$ZodISODateTime', (inst, def) => {
  def.pattern ?? (def.pattern = datetime(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODate = /* @__PURE__ */ $constructor('$ZodISODate', (inst, def) => {
  def.pattern ?? (def.pattern = date);
  $ZodStringFormat.init(inst, def);
});
var $ZodISOTime = /* @__PURE__ */ $constructor('$ZodISOTime', (inst, def) => {
  def.pattern ?? (def.pattern = time(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODuration = /* @__PURE__ */ $constructor('$ZodISODuration', (inst, def) => {
  def.pattern ?? (def.pattern = duration);
  $ZodStringFormat.init(inst, def);
});
var $ZodIPv4 = /* @__PURE__ */ $constructor('$ZodIPv4', (inst, def) => {
  def.pattern ?? (def.pattern = ipv4);
  $ZodStringFormat.init(inst, def);
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.format = `ipv4`;
  });
});
var $ZodIPv6 = /* @__PURE__ */ $constructor('$ZodIPv6', (inst, def) => {
  def.pattern ?? (def.pattern = ipv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.onattach.push((inst2) => {
    const bag = inst2._zod.bag;
    bag.format = `ipv6`;
  });
  inst._zod.check = (payload) => {
    try {
      new URL(`http://[${payload.value}]`);
    } catch {
      payload.issues.push({
        code: 'invalid_format',
        format: 'ipv6',
        input: payload.value,
        inst,
        continue: !def.abort,
      });
    }
  };
});
var $ZodCIDRv4 = /* @__PURE__ */ $constructor('$ZodCIDRv4', (inst, def) => {
  def.pattern ?? (def.pattern = cidrv4);
  $ZodStringFormat.init(inst, def);
});
var $ZodCIDRv6 = /* @__PURE__ */ $constructor('$ZodCIDRv6', (inst, def) => {
  def.pattern ?? (def.pattern = cidrv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    const [address, prefix] = payload.value.split('/');
    try {
      if (!prefix) throw new Error();
      const prefixNum = Number(prefix);
      if (`${prefixNum}` !== prefix) throw new Error();
      if (prefixNum < 0 || prefixNum > 128) throw new Error();
      new URL(`http://[${address}]`);
    } catch {
      payload.issues.push({
        code: 'invalid_format',
        format: 'cidrv6',
        input: payload.value,
        inst,
        continue: !def.abort,
      });
    }
  };
});
function isValidBase64(data) {
  if (data === '') return true;
  if (data.length % 4 !== 0) return false;
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
var $ZodBase64 = /* @__PURE__ */ $constructor('$ZodBase64', (inst, def) => {
  def.pattern ?? (def.pattern = base64);
  $ZodStringFormat.init(inst, def);
  inst._zod.onattach.push((inst2) => {
    inst2._zod.bag.contentEncoding = 'base64';
  });
  inst._zod.check = (payload) => {
    if (isValidBase64(payload.value)) return;
    payload.issues.push({
      code: 'invalid_format',
      format: 'base64',
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
function isValidBase64URL(data) {
  if (!base64url.test(data)) return false;
  const base643 = data.replace(/[-_]/g, (c) => (c === '-' ? '+' : '/'));
  const padded = base643.padEnd(Math.ceil(base643.length / 4) * 4, '=');
  return isValidBase64(padded);
}
var $ZodBase64URL = /* @__PURE__ */ $constructor('$ZodBase64URL', (inst, def) => {
  def.pattern ?? (def.pattern = base64url);
  $ZodStringFormat.init(inst, def);
  inst._zod.onattach.push((inst2) => {
    inst2._zod.bag.contentEncoding = 'base64url';
  });
  inst._zod.check = (payload) => {
    if (isValidBase64URL(payload.value)) return;
    payload.issues.push({
      code: 'invalid_format',
      format: 'base64url',
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodE164 = /* @__PURE__ */ $constructor('$ZodE164', (inst, def) => {
  def.pattern ?? (def.pattern = e164);
  $ZodStringFormat.init(inst, def);
});
function isValidJWT(token, algorithm = null) {
  try {
    const tokensParts = token.split('.');
    if (tokensParts.length !== 3) return false;
    const [header] = tokensParts;
    if (!header) return false;
    const parsedHeader = JSON.parse(atob(header));
    if ('typ' in parsedHeader && parsedHeader?.typ !== 'JWT') return false;
    if (!parsedHeader.alg) return false;
    if (algorithm && (!('alg' in parsedHeader) || parsedHeader.alg !== algorithm)) return false;
    return true;
  } catch {
    return false;
  }
}
var $ZodJWT = /* @__PURE__ */ $constructor('$ZodJWT', (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidJWT(payload.value, def.alg)) return;
    payload.issues.push({
      code: 'invalid_format',
      format: 'jwt',
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodCustomStringFormat = /* @__PURE__ */ $constructor('$ZodCustomStringFormat', (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (def.fn(payload.value)) return;
    payload.issues.push({
      code: 'invalid_format',
      format: def.format,
      input: payload.value,
      inst,
      continue: !def.abort,
    });
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor('$ZodNumber', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = inst._zod.bag.pattern ?? number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {}
    const input2 = payload.value;
    if (typeof input2 === 'number' && !Number.isNaN(input2) && Number.isFinite(input2)) {
      return payload;
    }
    const received =
      typeof input2 === 'number'
        ? Number.isNaN(input2)
          ? 'NaN'
          : !Number.isFinite(input2)
            ? 'Infinity'
            : void 0
        : void 0;
    payload.issues.push({
      expected: 'number',
      code: 'invalid_type',
      input: input2,
      inst,
      ...(received ? { received } : {}),
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor('$ZodNumber', (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor('$ZodBoolean', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {}
    const input2 = payload.value;
    if (typeof input2 === 'boolean') return payload;
    payload.issues.push({
      expected: 'boolean',
      code: 'invalid_type',
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodBigInt = /* @__PURE__ */ $constructor('$ZodBigInt', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = bigint;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = BigInt(payload.value);
      } catch (_) {}
    if (typeof payload.value === 'bigint') return payload;
    payload.issues.push({
      expected: 'bigint',
      code: 'invalid_type',
      input: payload.value,
      inst,
    });
    return payload;
  };
});
var $ZodBigIntFormat = /* @__PURE__ */ $constructor('$ZodBigInt', (inst, def) => {
  $ZodCheckBigIntFormat.init(inst, def);
  $ZodBigInt.init(inst, def);
});
var $ZodSymbol = /* @__PURE__ */ $constructor('$ZodSymbol', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (typeof input2 === 'symbol') return payload;
    payload.issues.push({
      expected: 'symbol',
      code: 'invalid_type',
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodUndefined = /* @__PURE__ */ $constructor('$ZodUndefined', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = _undefined;
  inst._zod.values = /* @__PURE__ */ new Set([void 0]);
  inst._zod.optin = 'optional';
  inst._zod.optout = 'optional';
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (typeof input2 === 'undefined') return payload;
    payload.issues.push({
      expected: 'undefined',
      code: 'invalid_type',
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodNull = /* @__PURE__ */ $constructor('$ZodNull', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = _null;
  inst._zod.values = /* @__PURE__ */ new Set([null]);
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (input2 === null) return payload;
    payload.issues.push({
      expected: 'null',
      code: 'invalid_type',
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodAny = /* @__PURE__ */ $constructor('$ZodAny', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodUnknown = /* @__PURE__ */ $constructor('$ZodUnknown', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor('$ZodNever', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: 'never',
      code: 'invalid_type',
      input: payload.value,
      inst,
    });
    return payload;
  };
});
var $ZodVoid = /* @__PURE__ */ $constructor('$ZodVoid', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (typeof input2 === 'undefined') return payload;
    payload.issues.push({
      expected: 'void',
      code: 'invalid_type',
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodDate = /* @__PURE__ */ $constructor('$ZodDate', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce) {
      try {
        payload.value = new Date(payload.value);
      } catch (_err) {}
    }
    const input2 = payload.value;
    const isDate = input2 instanceof Date;
    const isValidDate = isDate && !Number.isNaN(input2.getTime());
    if (isValidDate) return payload;
    payload.issues.push({
      expected: 'date',
      code: 'invalid_type',
      input: input2,
      ...(isDate ? { received: 'Invalid Date' } : {}),
      inst,
    });
    return payload;
  };
});
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor('$ZodArray', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    if (!Array.isArray(input2)) {
      payload.issues.push({
        expected: 'array',
        code: 'invalid_type',
        input: input2,
        inst,
      });
      return payload;
    }
    payload.value = Array(input2.length);
    const proms = [];
    for (let i = 0; i < input2.length; i++) {
      const item = input2[i];
      const result = def.element._zod.run(
        {
          value: item,
          issues: [],
        },
        ctx,
      );
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
function handleObjectResult(result, final, key) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(key, result.issues));
  }
  final.value[key] = result.value;
}
function handleOptionalObjectResult(result, final, key, input2) {
  if (result.issues.length) {
    if (input2[key] === void 0) {
      if (key in input2) {
        final.value[key] = void 0;
      } else {
        final.value[key] = result.value;
      }
    } else {
      final.issues.push(...prefixIssues(key, result.issues));
    }
  } else if (result.value === void 0) {
    if (key in input2) final.value[key] = void 0;
  } else {
    final.value[key] = result.value;
  }
}
var $ZodObject = /* @__PURE__ */ $constructor('$ZodObject', (inst, def) => {
  $ZodType.init(inst, def);
  const _normalized = cached(() => {
    const keys = Object.keys(def.shape);
    for (const k2 of keys) {
      if (!(def.shape[k2] instanceof $ZodType)) {
        throw new Error(`Invalid element at key "${k2}": expected a Zod schema`);
      }
    }
    const okeys = optionalKeys(def.shape);
    return {
      shape: def.shape,
      keys,
      keySet: new Set(keys),
      numKeys: keys.length,
      optionalKeys: new Set(okeys),
    };
  });
  defineLazy(inst._zod, 'propValues', () => {
    const shape = def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        propValues[key] ?? (propValues[key] = /* @__PURE__ */ new Set());
        for (const v of field.values) propValues[key].add(v);
      }
    }
    return propValues;
  });
  const generateFastpass = (shape) => {
    const doc = new Doc(['shape', 'payload', 'ctx']);
    const normalized = _normalized.value;
    const parseStr = (key) => {
      const k2 = esc(key);
      return `shape[${k2}]._zod.run({ value: input[${k2}], issues: [] }, ctx)`;
    };
    doc.write(`const input = payload.value;`);
    const ids = /* @__PURE__ */ Object.create(null);
    let counter = 0;
    for (const key of normalized.keys) {
      ids[key] = `key_${counter++}`;
    }
    doc.write(`const newResult = {}`);
    for (const key of normalized.keys) {
      if (normalized.optionalKeys.has(key)) {
        const id = ids[key];
        doc.write(`const ${id} = ${parseStr(key)};`);
        const k2 = esc(key);
        doc.write(`
        if (${id}.issues.length) {
          if (input[${k2}] === undefined) {
            if (${k2} in input) {
              newResult[${k2}] = undefined;
            }
          } else {
            payload.issues = payload.issues.concat(
              ${id}.issues.map((iss) => ({
                ...iss,
                path: iss.path ? [${k2}, ...iss.path] : [${k2}],
              }))
            );
          }
        } else if (${id}.value === undefined) {
          if (${k2} in input) newResult[${k2}] = undefined;
        } else {
          newResult[${k2}] = ${id}.value;
        }
        `);
      } else {
        const id = ids[key];
        doc.write(`const ${id} = ${parseStr(key)};`);
        doc.write(`
          if (${id}.issues.length) payload.issues = payload.issues.concat(${id}.issues.map(iss => ({
            ...iss,
            path: iss.path ? [${esc(key)}, ...iss.path] : [${esc(key)}]
          })));`);
        doc.write(`newResult[${esc(key)}] = ${id}.value`);
      }
    }
    doc.write(`payload.value = newResult;`);
    doc.write(`return payload;`);
    const fn = doc.compile();
    return (payload, ctx) => fn(shape, payload, ctx);
  };
  let fastpass;
  const isObject2 = isObject;
  const jit = !globalConfig.jitless;
  const allowsEval2 = allowsEval;
  const fastEnabled = jit && allowsEval2.value;
  const catchall = def.catchall;
  let value;
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input2 = payload.value;
    if (!isObject2(input2)) {
      payload.issues.push({
        expected: 'object',
        code: 'invalid_type',
        input: input2,
        inst,
      });
      return payload;
    }
    const proms = [];
    if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
      if (!fastpass) fastpass = generateFastpass(def.shape);
      payload = fastpass(payload, ctx);
    } else {
      payload.value = {};
      const shape = value.shape;
      for (const key of value.keys) {
        const el2 = shape[key];
        const r2 = el2._zod.run({ value: input2[key], issues: [] }, ctx);
        const isOptional = el2._zod.optin === 'optional' && el2._zod.optout === 'optional';
        if (r2 instanceof Promise) {
          proms.push(
            r2.then((r3) =>
              isOptional ? handleOptionalObjectResult(r3, payload, key, input2) : handleObjectResult(r3, payload, key),
            ),
          );
        } else if (isOptional) {
          handleOptionalObjectResult(r2, payload, key, input2);
        } else {
          handleObjectResult(r2, payload, key);
        }
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    const unrecognized = [];
    const keySet = value.keySet;
    const _catchall = catchall._zod;
    const t = _catchall.def.type;
    for (const key of Object.keys(input2)) {
      if (keySet.has(key)) continue;
      if (t === 'never') {
        unrecognized.push(key);
        continue;
      }
      const r2 = _catchall.run({ value: input2[key], issues: [] }, ctx);
      if (r2 instanceof Promise) {
        proms.push(r2.then((r3) => handleObjectResult(r3, payload, key)));
      } else {
        handleObjectResult(r2, payload, key);
      }
    }
    if (unrecognized.length) {
      payload.issues.push({
        code: 'unrecognized_keys',
        keys: unrecognized,
        input: input2,
        inst,
      });
    }
    if (!proms.length) return payload;
    return Promise.all(proms).then(() => {
      return payload;
    });
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  final.issues.push({
    code: 'invalid_union',
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config2()))),
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor('$ZodUnion', (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, 'optin', () => (def.options.some((o) => o._zod.optin === 'optional') ? 'optional' : void 0));
  defineLazy(inst._zod, 'optout', () => (def.options.some((o) => o._zod.optout === 'optional') ? 'optional' : void 0));
  defineLazy(inst._zod, 'values', () => {
    if (def.options.every((o) => o._zod.values)) {
      return new Set(def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazy(inst._zod, 'pattern', () => {
    if (def.options.every((o) => o._zod.pattern)) {
      const patterns = def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join('|')})$`);
    }
    return void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run(
        {
          value: payload.value,
          issues: [],
        },
        ctx,
      );
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0) return result;
        results.push(result);
      }
    }
    if (!async) return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodDiscriminatedUnion = /* @__PURE__ */ $constructor('$ZodDiscriminatedUnion', (inst, def) => {
  $ZodUnion.init(inst, def);
  const _super = inst._zod.parse;
  defineLazy(inst._zod, 'propValues', () => {
    const propValues = {};
    for (const option of def.options) {
      const pv = option._zod.propValues;
      if (!pv || Object.keys(pv).length === 0)
        throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
      for (const [k2, v] of Object.entries(pv)) {
        if (!propValues[k2]) propValues[k2] = /* @__PURE__ */ new Set();
        for (const val of v) {
          propValues[k2].add(val);
        }
      }
    }
    return propValues;
  });
  const disc = cached(() => {
    const opts = def.options;
    const map3 = /* @__PURE__ */ new Map();
    for (const o of opts) {
      const values = o._zod.propValues[def.discriminator];
      if (!values || values.size === 0)
        throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(o)}"`);
      for (const v of values) {
        if (map3.has(v)) {
          throw new Error(`Duplicate discriminator value "${String(v)}"`);
        }
        map3.set(v, o);
      }
    }
    return map3;
  });
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    if (!isObject(input2)) {
      payload.issues.push({
        code: 'invalid_type',
        expected: 'object',
        input: input2,
        inst,
      });
      return payload;
    }
    const opt = disc.value.get(input2?.[def.discriminator]);
    if (opt) {
      return opt._zod.run(payload, ctx);
    }
    if (def.unionFallback) {
      return _super(payload, ctx);
    }
    payload.issues.push({
      code: 'invalid_union',
      errors: [],
      note: 'No matching discriminator',
      input: input2,
      path: [def.discriminator],
      inst,
    });
    return payload;
  };
});
var $ZodIntersection = /* @__PURE__ */ $constructor('$ZodIntersection', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    const left = def.left._zod.run({ value: input2, issues: [] }, ctx);
    const right = def.right._zod.run({ value: input2, issues: [] }, ctx);
    const async = left instanceof Promise || right instanceof Promise;
    if (async) {
      return Promise.all([left, right]).then(([left2, right2]) => {
        return handleIntersectionResults(payload, left2, right2);
      });
    }
    return handleIntersectionResults(payload, left, right);
  };
});
function mergeValues(a, b) {
  if (a === b) {
    return { valid: true, data: a };
  }
  if (a instanceof Date && b instanceof Date && +a === +b) {
    return { valid: true, data: a };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const bKeys = Object.keys(b);
    const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    for (const key of sharedKeys) {
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
        };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return { valid: false, mergeErrorPath: [] };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
        };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  }
  return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
  if (left.issues.length) {
    result.issues.push(...left.issues);
  }
  if (right.issues.length) {
    result.issues.push(...right.issues);
  }
  if (aborted(result)) return result;
  const merged = mergeValues(left.value, right.value);
  if (!merged.valid) {
    throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
  }
  result.value = merged.data;
  return result;
}
var $ZodTuple = /* @__PURE__ */ $constructor('$ZodTuple', (inst, def) => {
  $ZodType.init(inst, def);
  const items = def.items;
  const optStart = items.length - [...items].reverse().findIndex((item) => item._zod.optin !== 'optional');
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    if (!Array.isArray(input2)) {
      payload.issues.push({
        input: input2,
        inst,
        expected: 'tuple',
        code: 'invalid_type',
      });
      return payload;
    }
    payload.value = [];
    const proms = [];
    if (!def.rest) {
      const tooBig = input2.length > items.length;
      const tooSmall = input2.length < optStart - 1;
      if (tooBig || tooSmall) {
        payload.issues.push({
          input: input2,
          inst,
          origin: 'array',
          ...(tooBig ? { code: 'too_big', maximum: items.length } : { code: 'too_small', minimum: items.length }),
        });
        return payload;
      }
    }
    let i = -1;
    for (const item of items) {
      i++;
      if (i >= input2.length) {
        if (i >= optStart) continue;
      }
      const result = item._zod.run(
        {
          value: input2[i],
          issues: [],
        },
        ctx,
      );
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleTupleResult(result2, payload, i)));
      } else {
        handleTupleResult(result, payload, i);
      }
    }
    if (def.rest) {
      const rest = input2.slice(items.length);
      for (const el2 of rest) {
        i++;
        const result = def.rest._zod.run(
          {
            value: el2,
            issues: [],
          },
          ctx,
        );
        if (result instanceof Promise) {
          proms.push(result.then((result2) => handleTupleResult(result2, payload, i)));
        } else {
          handleTupleResult(result, payload, i);
        }
      }
    }
    if (proms.length) return Promise.all(proms).then(() => payload);
    return payload;
  };
});
function handleTupleResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodRecord = /* @__PURE__ */ $constructor('$ZodRecord', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    if (!isPlainObject(input2)) {
      payload.issues.push({
        expected: 'record',
        code: 'invalid_type',
        input: input2,
        inst,
      });
      return payload;
    }
    const proms = [];
    if (def.keyType._zod.values) {
      const values = def.keyType._zod.values;
      payload.value = {};
      for (const key of values) {
        if (typeof key === 'string' || typeof key === 'number' || typeof key === 'symbol') {
          const result = def.valueType._zod.run({ value: input2[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(
              result.then((result2) => {
                if (result2.issues.length) {
                  payload.issues.push(...prefixIssues(key, result2.issues));
                }
                payload.value[key] = result2.value;
              }),
            );
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[key] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input2) {
        if (!values.has(key)) {
          unrecognized = unrecognized ?? [];
          unrecognized.push(key);
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: 'unrecognized_keys',
          input: input2,
          inst,
          keys: unrecognized,
        });
      }
    } else {
      payload.value = {};
      for (const key of Reflect.ownKeys(input2)) {
        if (key === '__proto__') continue;
        const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error('Async schemas not supported in object keys currently');
        }
        if (keyResult.issues.length) {
          payload.issues.push({
            origin: 'record',
            code: 'invalid_key',
            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config2())),
            input: key,
            path: [key],
            inst,
          });
          payload.value[keyResult.value] = keyResult.value;
          continue;
        }
        const result = def.valueType._zod.run({ value: input2[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(
            result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[keyResult.value] = result2.value;
            }),
          );
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[keyResult.value] = result.value;
        }
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodMap = /* @__PURE__ */ $constructor('$ZodMap', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    if (!(input2 instanceof Map)) {
      payload.issues.push({
        expected: 'map',
        code: 'invalid_type',
        input: input2,
        inst,
      });
      return payload;
    }
    const proms = [];
    payload.value = /* @__PURE__ */ new Map();
    for (const [key, value] of input2) {
      const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
      const valueResult = def.valueType._zod.run({ value, issues: [] }, ctx);
      if (keyResult instanceof Promise || valueResult instanceof Promise) {
        proms.push(
          Promise.all([keyResult, valueResult]).then(([keyResult2, valueResult2]) => {
            handleMapResult(keyResult2, valueResult2, payload, key, input2, inst, ctx);
          }),
        );
      } else {
        handleMapResult(keyResult, valueResult, payload, key, input2, inst, ctx);
      }
    }
    if (proms.length) return Promise.all(proms).then(() => payload);
    return payload;
  };
});
function handleMapResult(keyResult, valueResult, final, key, input2, inst, ctx) {
  if (keyResult.issues.length) {
    if (propertyKeyTypes.has(typeof key)) {
      final.issues.push(...prefixIssues(key, keyResult.issues));
    } else {
      final.issues.push({
        origin: 'map',
        code: 'invalid_key',
        input: input2,
        inst,
        issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config2())),
      });
    }
  }
  if (valueResult.issues.length) {
    if (propertyKeyTypes.has(typeof key)) {
      final.issues.push(...prefixIssues(key, valueResult.issues));
    } else {
      final.issues.push({
        origin: 'map',
        code: 'invalid_element',
        input: input2,
        inst,
        key,
        issues: valueResult.issues.map((iss) => finalizeIssue(iss, ctx, config2())),
      });
    }
  }
  final.value.set(keyResult.value, valueResult.value);
}
var $ZodSet = /* @__PURE__ */ $constructor('$ZodSet', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input2 = payload.value;
    if (!(input2 instanceof Set)) {
      payload.issues.push({
        input: input2,
        inst,
        expected: 'set',
        code: 'invalid_type',
      });
      return payload;
    }
    const proms = [];
    payload.value = /* @__PURE__ */ new Set();
    for (const item of input2) {
      const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleSetResult(result2, payload)));
      } else handleSetResult(result, payload);
    }
    if (proms.length) return Promise.all(proms).then(() => payload);
    return payload;
  };
});
function handleSetResult(result, final) {
  if (result.issues.length) {
    final.issues.push(...result.issues);
  }
  final.value.add(result.value);
}
var $ZodEnum = /* @__PURE__ */ $constructor('$ZodEnum', (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  inst._zod.values = new Set(values);
  inst._zod.pattern = new RegExp(
    `^(${values
      .filter((k2) => propertyKeyTypes.has(typeof k2))
      .map((o) => (typeof o === 'string' ? escapeRegex(o) : o.toString()))
      .join('|')})$`,
  );
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (inst._zod.values.has(input2)) {
      return payload;
    }
    payload.issues.push({
      code: 'invalid_value',
      values,
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor('$ZodLiteral', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.values = new Set(def.values);
  inst._zod.pattern = new RegExp(
    `^(${def.values.map((o) => (typeof o === 'string' ? escapeRegex(o) : o ? o.toString() : String(o))).join('|')})$`,
  );
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (inst._zod.values.has(input2)) {
      return payload;
    }
    payload.issues.push({
      code: 'invalid_value',
      values: def.values,
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodFile = /* @__PURE__ */ $constructor('$ZodFile', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (input2 instanceof File) return payload;
    payload.issues.push({
      expected: 'file',
      code: 'invalid_type',
      input: input2,
      inst,
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor('$ZodTransform', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    const _out = def.transform(payload.value, payload);
    if (_ctx.async) {
      const output = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
var $ZodOptional = /* @__PURE__ */ $constructor('$ZodOptional', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = 'optional';
  inst._zod.optout = 'optional';
  defineLazy(inst._zod, 'values', () => {
    return def.innerType._zod.values ? /* @__PURE__ */ new Set([...def.innerType._zod.values, void 0]) : void 0;
  });
  defineLazy(inst._zod, 'pattern', () => {
    const pattern = def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (def.innerType._zod.optin === 'optional') {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      return payload;
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor('$ZodNullable', (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, 'optin', () => def.innerType._zod.optin);
  defineLazy(inst._zod, 'optout', () => def.innerType._zod.optout);
  defineLazy(inst._zod, 'pattern', () => {
    const pattern = def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazy(inst._zod, 'values', () => {
    return def.innerType._zod.values ? /* @__PURE__ */ new Set([...def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null) return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor('$ZodDefault', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = 'optional';
  defineLazy(inst._zod, 'values', () => def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodPrefault = /* @__PURE__ */ $constructor('$ZodPrefault', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = 'optional';
  defineLazy(inst._zod, 'values', () => def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNonOptional = /* @__PURE__ */ $constructor('$ZodNonOptional', (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, 'values', () => {
    const v = def.innerType._zod.values;
    return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleNonOptionalResult(result2, inst));
    }
    return handleNonOptionalResult(result, inst);
  };
});
function handleNonOptionalResult(payload, inst) {
  if (!payload.issues.length && payload.value === void 0) {
    payload.issues.push({
      code: 'invalid_type',
      expected: 'nonoptional',
      input: payload.value,
      inst,
    });
  }
  return payload;
}
var $ZodSuccess = /* @__PURE__ */ $constructor('$ZodSuccess', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => {
        payload.value = result2.issues.length === 0;
        return payload;
      });
    }
    payload.value = result.issues.length === 0;
    return payload;
  };
});
var $ZodCatch = /* @__PURE__ */ $constructor('$ZodCatch', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = 'optional';
  defineLazy(inst._zod, 'optout', () => def.innerType._zod.optout);
  defineLazy(inst._zod, 'values', () => def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => {
        payload.value = result2.value;
        if (result2.issues.length) {
          payload.value = def.catchValue({
            ...payload,
            error: {
              issues: result2.issues.map((iss) => finalizeIssue(iss, ctx, config2())),
            },
            input: payload.value,
          });
          payload.issues = [];
        }
        return payload;
      });
    }
    payload.value = result.value;
    if (result.issues.length) {
      payload.value = def.catchValue({
        ...payload,
        error: {
          issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config2())),
        },
        input: payload.value,
      });
      payload.issues = [];
    }
    return payload;
  };
});
var $ZodNaN = /* @__PURE__ */ $constructor('$ZodNaN', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    if (typeof payload.value !== 'number' || !Number.isNaN(payload.value)) {
      payload.issues.push({
        input: payload.value,
        inst,
        expected: 'nan',
        code: 'invalid_type',
      });
      return payload;
    }
    return payload;
  };
});
var $ZodPipe = /* @__PURE__ */ $constructor('$ZodPipe', (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, 'values', () => def.in._zod.values);
  defineLazy(inst._zod, 'optin', () => def.in._zod.optin);
  defineLazy(inst._zod, 'optout', () => def.out._zod.optout);
  inst._zod.parse = (payload, ctx) => {
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def, ctx));
    }
    return handlePipeResult(left, def, ctx);
  };
});
function handlePipeResult(left, def, ctx) {
  if (aborted(left)) {
    return left;
  }
  return def.out._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodReadonly = /* @__PURE__ */ $constructor('$ZodReadonly', (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, 'propValues', () => def.innerType._zod.propValues);
  defineLazy(inst._zod, 'values', () => def.innerType._zod.values);
  defineLazy(inst._zod, 'optin', () => def.innerType._zod.optin);
  defineLazy(inst._zod, 'optout', () => def.innerType._zod.optout);
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then(handleReadonlyResult);
    }
    return handleReadonlyResult(result);
  };
});
function handleReadonlyResult(payload) {
  payload.value = Object.freeze(payload.value);
  return payload;
}
var $ZodTemplateLiteral = /* @__PURE__ */ $constructor('$ZodTemplateLiteral', (inst, def) => {
  $ZodType.init(inst, def);
  const regexParts = [];
  for (const part of def.parts) {
    if (part instanceof $ZodType) {
      if (!part._zod.pattern) {
        throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
      }
      const source = part._zod.pattern instanceof RegExp ? part._zod.pattern.source : part._zod.pattern;
      if (!source) throw new Error(`Invalid template literal part: ${part._zod.traits}`);
      const start = source.startsWith('^') ? 1 : 0;
      const end = source.endsWith('$') ? source.length - 1 : source.length;
      regexParts.push(source.slice(start, end));
    } else if (part === null || primitiveTypes.has(typeof part)) {
      regexParts.push(escapeRegex(`${part}`));
    } else {
      throw new Error(`Invalid template literal part: ${part}`);
    }
  }
  inst._zod.pattern = new RegExp(`^${regexParts.join('')}$`);
  inst._zod.parse = (payload, _ctx) => {
    if (typeof payload.value !== 'string') {
      payload.issues.push({
        input: payload.value,
        inst,
        expected: 'template_literal',
        code: 'invalid_type',
      });
      return payload;
    }
    inst._zod.pattern.lastIndex = 0;
    if (!inst._zod.pattern.test(payload.value)) {
      payload.issues.push({
        input: payload.value,
        inst,
        code: 'invalid_format',
        format: 'template_literal',
        pattern: inst._zod.pattern.source,
      });
      return payload;
    }
    return payload;
  };
});
var $ZodPromise = /* @__PURE__ */ $constructor('$ZodPromise', (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
  };
});
var $ZodLazy = /* @__PURE__ */ $constructor('$ZodLazy', (inst, def) => {
  $ZodType.init(inst, def);
  defineLazy(inst._zod, 'innerType', () => def.getter());
  defineLazy(inst._zod, 'pattern', () => inst._zod.innerType._zod.pattern);
  defineLazy(inst._zod, 'propValues', () => inst._zod.innerType._zod.propValues);
  defineLazy(inst._zod, 'optin', () => inst._zod.innerType._zod.optin);
  defineLazy(inst._zod, 'optout', () => inst._zod.innerType._zod.optout);
  inst._zod.parse = (payload, ctx) => {
    const inner = inst._zod.innerType;
    return inner._zod.run(payload, ctx);
  };
});
var $ZodCustom = /* @__PURE__ */ $constructor('$ZodCustom', (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input2 = payload.value;
    const r2 = def.fn(input2);
    if (r2 instanceof Promise) {
      return r2.then((r3) => handleRefineResult(r3, payload, input2, inst));
    }
    handleRefineResult(r2, payload, input2, inst);
    return;
  };
});
function handleRefineResult(result, payload, input2, inst) {
  if (!result) {
    const _iss = {
      code: 'custom',
      input: input2,
      inst,
      // incorporates params.error into issue reporting
      path: [...(inst._zod.def.path ?? [])],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort,
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params) _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/index.js
var locales_exports = {};
__export(locales_exports, {
  ar: () => ar_default,
  az: () => az_default,
  be: () => be_default,
  ca: () => ca_default,
  cs: () => cs_default,
  de: () => de_default,
  en: () => en_default,
  eo: () => eo_default,
  es: () => es_default,
  fa: () => fa_default,
  fi: () => fi_default,
  fr: () => fr_default,
  frCA: () => fr_CA_default,
  he: () => he_default,
  hu: () => hu_default,
  id: () => id_default,
  it: () => it_default,
  ja: () => ja_default,
  kh: () => kh_default,
  ko: () => ko_default,
  mk: () => mk_default,
  ms: () => ms_default,
  nl: () => nl_default,
  no: () => no_default,
  ota: () => ota_default,
  pl: () => pl_default,
  ps: () => ps_default,
  pt: () => pt_default,
  ru: () => ru_default,
  sl: () => sl_default,
  sv: () => sv_default,
  ta: () => ta_default,
  th: () => th_default,
  tr: () => tr_default,
  ua: () => ua_default,
  ur: () => ur_default,
  vi: () => vi_default,
  zhCN: () => zh_CN_default,
  zhTW: () => zh_TW_default,
});

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ar.js
var error = () => {
  const Sizable = {
    string: { unit: 'حرف', verb: 'أن يحوي' },
    file: { unit: 'بايت', verb: 'أن يحوي' },
    array: { unit: 'عنصر', verb: 'أن يحوي' },
    set: { unit: 'عنصر', verb: 'أن يحوي' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'مدخل',
    email: 'بريد إلكتروني',
    url: 'رابط',
    emoji: 'إيموجي',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'تاريخ ووقت بمعيار ISO',
    date: 'تاريخ بمعيار ISO',
    time: 'وقت بمعيار ISO',
    duration: 'مدة بمعيار ISO',
    ipv4: 'عنوان IPv4',
    ipv6: 'عنوان IPv6',
    cidrv4: 'مدى عناوين بصيغة IPv4',
    cidrv6: 'مدى عناوين بصيغة IPv6',
    base64: 'نَص بترميز base64-encoded',
    base64url: 'نَص بترميز base64url-encoded',
    json_string: 'نَص على هيئة JSON',
    e164: 'رقم هاتف بمعيار E.164',
    jwt: 'JWT',
    template_literal: 'مدخل',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `مدخلات غير مقبولة: يفترض إدخال ${issue2.expected}، ولكن تم إدخال ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `مدخلات غير مقبولة: يفترض إدخال ${stringifyPrimitive(issue2.values[0])}`;
        return `اختيار غير مقبول: يتوقع انتقاء أحد هذه الخيارات: ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return ` أكبر من اللازم: يفترض أن تكون ${issue2.origin ?? 'القيمة'} ${adj} ${issue2.maximum.toString()} ${sizing.unit ?? 'عنصر'}`;
        return `أكبر من اللازم: يفترض أن تكون ${issue2.origin ?? 'القيمة'} ${adj} ${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `أصغر من اللازم: يفترض لـ ${issue2.origin} أن يكون ${adj} ${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `أصغر من اللازم: يفترض لـ ${issue2.origin} أن يكون ${adj} ${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `نَص غير مقبول: يجب أن يبدأ بـ "${issue2.prefix}"`;
        if (_issue.format === 'ends_with') return `نَص غير مقبول: يجب أن ينتهي بـ "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `نَص غير مقبول: يجب أن يتضمَّن "${_issue.includes}"`;
        if (_issue.format === 'regex') return `نَص غير مقبول: يجب أن يطابق النمط ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} غير مقبول`;
      }
      case 'not_multiple_of':
        return `رقم غير مقبول: يجب أن يكون من مضاعفات ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `معرف${issue2.keys.length > 1 ? 'ات' : ''} غريب${issue2.keys.length > 1 ? 'ة' : ''}: ${joinValues(issue2.keys, '، ')}`;
      case 'invalid_key':
        return `معرف غير مقبول في ${issue2.origin}`;
      case 'invalid_union':
        return 'مدخل غير مقبول';
      case 'invalid_element':
        return `مدخل غير مقبول في ${issue2.origin}`;
      default:
        return 'مدخل غير مقبول';
    }
  };
};
function ar_default() {
  return {
    localeError: error(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/az.js
var error2 = () => {
  const Sizable = {
    string: { unit: 'simvol', verb: 'olmalıdır' },
    file: { unit: 'bayt', verb: 'olmalıdır' },
    array: { unit: 'element', verb: 'olmalıdır' },
    set: { unit: 'element', verb: 'olmalıdır' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'input',
    email: 'email address',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO datetime',
    date: 'ISO date',
    time: 'ISO time',
    duration: 'ISO duration',
    ipv4: 'IPv4 address',
    ipv6: 'IPv6 address',
    cidrv4: 'IPv4 range',
    cidrv6: 'IPv6 range',
    base64: 'base64-encoded string',
    base64url: 'base64url-encoded string',
    json_string: 'JSON string',
    e164: 'E.164 number',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Yanlış dəyər: gözlənilən ${issue2.expected}, daxil olan ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Yanlış dəyər: gözlənilən ${stringifyPrimitive(issue2.values[0])}`;
        return `Yanlış seçim: aşağıdakılardan biri olmalıdır: ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Çox böyük: gözlənilən ${issue2.origin ?? 'dəyər'} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'element'}`;
        return `Çox böyük: gözlənilən ${issue2.origin ?? 'dəyər'} ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) return `Çox kiçik: gözlənilən ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        return `Çox kiçik: gözlənilən ${issue2.origin} ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Yanlış mətn: "${_issue.prefix}" ilə başlamalıdır`;
        if (_issue.format === 'ends_with') return `Yanlış mətn: "${_issue.suffix}" ilə bitməlidir`;
        if (_issue.format === 'includes') return `Yanlış mətn: "${_issue.includes}" daxil olmalıdır`;
        if (_issue.format === 'regex') return `Yanlış mətn: ${_issue.pattern} şablonuna uyğun olmalıdır`;
        return `Yanlış ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Yanlış ədəd: ${issue2.divisor} ilə bölünə bilən olmalıdır`;
      case 'unrecognized_keys':
        return `Tanınmayan açar${issue2.keys.length > 1 ? 'lar' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `${issue2.origin} daxilində yanlış açar`;
      case 'invalid_union':
        return 'Yanlış dəyər';
      case 'invalid_element':
        return `${issue2.origin} daxilində yanlış dəyər`;
      default:
        return `Yanlış dəyər`;
    }
  };
};
function az_default() {
  return {
    localeError: error2(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/be.js
function getBelarusianPlural(count, one, few, many) {
  const absCount = Math.abs(count);
  const lastDigit = absCount % 10;
  const lastTwoDigits = absCount % 100;
  if (lastTwoDigits >= 11 && lastTwoDigits <= 19) {
    return many;
  }
  if (lastDigit === 1) {
    return one;
  }
  if (lastDigit >= 2 && lastDigit <= 4) {
    return few;
  }
  return many;
}
var error3 = () => {
  const Sizable = {
    string: {
      unit: {
        one: 'сімвал',
        few: 'сімвалы',
        many: 'сімвалаў',
      },
      verb: 'мець',
    },
    array: {
      unit: {
        one: 'элемент',
        few: 'элементы',
        many: 'элементаў',
      },
      verb: 'мець',
    },
    set: {
      unit: {
        one: 'элемент',
        few: 'элементы',
        many: 'элементаў',
      },
      verb: 'мець',
    },
    file: {
      unit: {
        one: 'байт',
        few: 'байты',
        many: 'байтаў',
      },
      verb: 'мець',
    },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'лік';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'масіў';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'увод',
    email: 'email адрас',
    url: 'URL',
    emoji: 'эмодзі',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO дата і час',
    date: 'ISO дата',
    time: 'ISO час',
    duration: 'ISO працягласць',
    ipv4: 'IPv4 адрас',
    ipv6: 'IPv6 адрас',
    cidrv4: 'IPv4 дыяпазон',
    cidrv6: 'IPv6 дыяпазон',
    base64: 'радок у фармаце base64',
    base64url: 'радок у фармаце base64url',
    json_string: 'JSON радок',
    e164: 'нумар E.164',
    jwt: 'JWT',
    template_literal: 'увод',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Няправільны ўвод: чакаўся ${issue2.expected}, атрымана ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Няправільны ўвод: чакалася ${stringifyPrimitive(issue2.values[0])}`;
        return `Няправільны варыянт: чакаўся адзін з ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          const maxValue = Number(issue2.maximum);
          const unit = getBelarusianPlural(maxValue, sizing.unit.one, sizing.unit.few, sizing.unit.many);
          return `Занадта вялікі: чакалася, што ${issue2.origin ?? 'значэнне'} павінна ${sizing.verb} ${adj}${issue2.maximum.toString()} ${unit}`;
        }
        return `Занадта вялікі: чакалася, што ${issue2.origin ?? 'значэнне'} павінна быць ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          const minValue = Number(issue2.minimum);
          const unit = getBelarusianPlural(minValue, sizing.unit.one, sizing.unit.few, sizing.unit.many);
          return `Занадта малы: чакалася, што ${issue2.origin} павінна ${sizing.verb} ${adj}${issue2.minimum.toString()} ${unit}`;
        }
        return `Занадта малы: чакалася, што ${issue2.origin} павінна быць ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Няправільны радок: павінен пачынацца з "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Няправільны радок: павінен заканчвацца на "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Няправільны радок: павінен змяшчаць "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Няправільны радок: павінен адпавядаць шаблону ${_issue.pattern}`;
        return `Няправільны ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Няправільны лік: павінен быць кратным ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Нераспазнаны ${issue2.keys.length > 1 ? 'ключы' : 'ключ'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Няправільны ключ у ${issue2.origin}`;
      case 'invalid_union':
        return 'Няправільны ўвод';
      case 'invalid_element':
        return `Няправільнае значэнне ў ${issue2.origin}`;
      default:
        return `Няправільны ўвод`;
    }
  };
};
function be_default() {
  return {
    localeError: error3(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ca.js
var error4 = () => {
  const Sizable = {
    string: { unit: 'caràcters', verb: 'contenir' },
    file: { unit: 'bytes', verb: 'contenir' },
    array: { unit: 'elements', verb: 'contenir' },
    set: { unit: 'elements', verb: 'contenir' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'entrada',
    email: 'adreça electrònica',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'data i hora ISO',
    date: 'data ISO',
    time: 'hora ISO',
    duration: 'durada ISO',
    ipv4: 'adreça IPv4',
    ipv6: 'adreça IPv6',
    cidrv4: 'rang IPv4',
    cidrv6: 'rang IPv6',
    base64: 'cadena codificada en base64',
    base64url: 'cadena codificada en base64url',
    json_string: 'cadena JSON',
    e164: 'número E.164',
    jwt: 'JWT',
    template_literal: 'entrada',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Tipus invàlid: s'esperava ${issue2.expected}, s'ha rebut ${parsedType4(issue2.input)}`;
      // return `Tipus invàlid: s'esperava ${issue.expected}, s'ha rebut ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Valor invàlid: s'esperava ${stringifyPrimitive(issue2.values[0])}`;
        return `Opció invàlida: s'esperava una de ${joinValues(issue2.values, ' o ')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? 'com a màxim' : 'menys de';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Massa gran: s'esperava que ${issue2.origin ?? 'el valor'} contingués ${adj} ${issue2.maximum.toString()} ${sizing.unit ?? 'elements'}`;
        return `Massa gran: s'esperava que ${issue2.origin ?? 'el valor'} fos ${adj} ${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? 'com a mínim' : 'més de';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Massa petit: s'esperava que ${issue2.origin} contingués ${adj} ${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Massa petit: s'esperava que ${issue2.origin} fos ${adj} ${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Format invàlid: ha de començar amb "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `Format invàlid: ha d'acabar amb "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Format invàlid: ha d'incloure "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Format invàlid: ha de coincidir amb el patró ${_issue.pattern}`;
        return `Format invàlid per a ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Número invàlid: ha de ser múltiple de ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Clau${issue2.keys.length > 1 ? 's' : ''} no reconeguda${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Clau invàlida a ${issue2.origin}`;
      case 'invalid_union':
        return 'Entrada invàlida';
      // Could also be "Tipus d'unió invàlid" but "Entrada invàlida" is more general
      case 'invalid_element':
        return `Element invàlid a ${issue2.origin}`;
      default:
        return `Entrada invàlida`;
    }
  };
};
function ca_default() {
  return {
    localeError: error4(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/cs.js
var error5 = () => {
  const Sizable = {
    string: { unit: 'znaků', verb: 'mít' },
    file: { unit: 'bajtů', verb: 'mít' },
    array: { unit: 'prvků', verb: 'mít' },
    set: { unit: 'prvků', verb: 'mít' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'číslo';
      }
      case 'string': {
        return 'řetězec';
      }
      case 'boolean': {
        return 'boolean';
      }
      case 'bigint': {
        return 'bigint';
      }
      case 'function': {
        return 'funkce';
      }
      case 'symbol': {
        return 'symbol';
      }
      case 'undefined': {
        return 'undefined';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'pole';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'regulární výraz',
    email: 'e-mailová adresa',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'datum a čas ve formátu ISO',
    date: 'datum ve formátu ISO',
    time: 'čas ve formátu ISO',
    duration: 'doba trvání ISO',
    ipv4: 'IPv4 adresa',
    ipv6: 'IPv6 adresa',
    cidrv4: 'rozsah IPv4',
    cidrv6: 'rozsah IPv6',
    base64: 'řetězec zakódovaný ve formátu base64',
    base64url: 'řetězec zakódovaný ve formátu base64url',
    json_string: 'řetězec ve formátu JSON',
    e164: 'číslo E.164',
    jwt: 'JWT',
    template_literal: 'vstup',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Neplatný vstup: očekáváno ${issue2.expected}, obdrženo ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Neplatný vstup: očekáváno ${stringifyPrimitive(issue2.values[0])}`;
        return `Neplatná možnost: očekávána jedna z hodnot ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Hodnota je příliš velká: ${issue2.origin ?? 'hodnota'} musí mít ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'prvků'}`;
        }
        return `Hodnota je příliš velká: ${issue2.origin ?? 'hodnota'} musí být ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Hodnota je příliš malá: ${issue2.origin ?? 'hodnota'} musí mít ${adj}${issue2.minimum.toString()} ${sizing.unit ?? 'prvků'}`;
        }
        return `Hodnota je příliš malá: ${issue2.origin ?? 'hodnota'} musí být ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Neplatný řetězec: musí začínat na "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Neplatný řetězec: musí končit na "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Neplatný řetězec: musí obsahovat "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Neplatný řetězec: musí odpovídat vzoru ${_issue.pattern}`;
        return `Neplatný formát ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Neplatné číslo: musí být násobkem ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Neznámé klíče: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Neplatný klíč v ${issue2.origin}`;
      case 'invalid_union':
        return 'Neplatný vstup';
      case 'invalid_element':
        return `Neplatná hodnota v ${issue2.origin}`;
      default:
        return `Neplatný vstup`;
    }
  };
};
function cs_default() {
  return {
    localeError: error5(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/de.js
var error6 = () => {
  const Sizable = {
    string: { unit: 'Zeichen', verb: 'zu haben' },
    file: { unit: 'Bytes', verb: 'zu haben' },
    array: { unit: 'Elemente', verb: 'zu haben' },
    set: { unit: 'Elemente', verb: 'zu haben' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'Zahl';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'Array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'Eingabe',
    email: 'E-Mail-Adresse',
    url: 'URL',
    emoji: 'Emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO-Datum und -Uhrzeit',
    date: 'ISO-Datum',
    time: 'ISO-Uhrzeit',
    duration: 'ISO-Dauer',
    ipv4: 'IPv4-Adresse',
    ipv6: 'IPv6-Adresse',
    cidrv4: 'IPv4-Bereich',
    cidrv6: 'IPv6-Bereich',
    base64: 'Base64-codierter String',
    base64url: 'Base64-URL-codierter String',
    json_string: 'JSON-String',
    e164: 'E.164-Nummer',
    jwt: 'JWT',
    template_literal: 'Eingabe',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Ungültige Eingabe: erwartet ${issue2.expected}, erhalten ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Ungültige Eingabe: erwartet ${stringifyPrimitive(issue2.values[0])}`;
        return `Ungültige Option: erwartet eine von ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Zu groß: erwartet, dass ${issue2.origin ?? 'Wert'} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'Elemente'} hat`;
        return `Zu groß: erwartet, dass ${issue2.origin ?? 'Wert'} ${adj}${issue2.maximum.toString()} ist`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Zu klein: erwartet, dass ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit} hat`;
        }
        return `Zu klein: erwartet, dass ${issue2.origin} ${adj}${issue2.minimum.toString()} ist`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Ungültiger String: muss mit "${_issue.prefix}" beginnen`;
        if (_issue.format === 'ends_with') return `Ungültiger String: muss mit "${_issue.suffix}" enden`;
        if (_issue.format === 'includes') return `Ungültiger String: muss "${_issue.includes}" enthalten`;
        if (_issue.format === 'regex') return `Ungültiger String: muss dem Muster ${_issue.pattern} entsprechen`;
        return `Ungültig: ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Ungültige Zahl: muss ein Vielfaches von ${issue2.divisor} sein`;
      case 'unrecognized_keys':
        return `${issue2.keys.length > 1 ? 'Unbekannte Schlüssel' : 'Unbekannter Schlüssel'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Ungültiger Schlüssel in ${issue2.origin}`;
      case 'invalid_union':
        return 'Ungültige Eingabe';
      case 'invalid_element':
        return `Ungültiger Wert in ${issue2.origin}`;
      default:
        return `Ungültige Eingabe`;
    }
  };
};
function de_default() {
  return {
    localeError: error6(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/en.js
var parsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case 'number': {
      return Number.isNaN(data) ? 'NaN' : 'number';
    }
    case 'object': {
      if (Array.isArray(data)) {
        return 'array';
      }
      if (data === null) {
        return 'null';
      }
      if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
        return data.constructor.name;
      }
    }
  }
  return t;
};
var error7 = () => {
  const Sizable = {
    string: { unit: 'characters', verb: 'to have' },
    file: { unit: 'bytes', verb: 'to have' },
    array: { unit: 'items', verb: 'to have' },
    set: { unit: 'items', verb: 'to have' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const Nouns = {
    regex: 'input',
    email: 'email address',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO datetime',
    date: 'ISO date',
    time: 'ISO time',
    duration: 'ISO duration',
    ipv4: 'IPv4 address',
    ipv6: 'IPv6 address',
    cidrv4: 'IPv4 range',
    cidrv6: 'IPv6 range',
    base64: 'base64-encoded string',
    base64url: 'base64url-encoded string',
    json_string: 'JSON string',
    e164: 'E.164 number',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Invalid input: expected ${issue2.expected}, received ${parsedType(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? 'value'} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elements'}`;
        return `Too big: expected ${issue2.origin ?? 'value'} to be ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Unrecognized key${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Invalid key in ${issue2.origin}`;
      case 'invalid_union':
        return 'Invalid input';
      case 'invalid_element':
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error7(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/eo.js
var parsedType2 = (data) => {
  const t = typeof data;
  switch (t) {
    case 'number': {
      return Number.isNaN(data) ? 'NaN' : 'nombro';
    }
    case 'object': {
      if (Array.isArray(data)) {
        return 'tabelo';
      }
      if (data === null) {
        return 'senvalora';
      }
      if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
        return data.constructor.name;
      }
    }
  }
  return t;
};
var error8 = () => {
  const Sizable = {
    string: { unit: 'karaktrojn', verb: 'havi' },
    file: { unit: 'bajtojn', verb: 'havi' },
    array: { unit: 'elementojn', verb: 'havi' },
    set: { unit: 'elementojn', verb: 'havi' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const Nouns = {
    regex: 'enigo',
    email: 'retadreso',
    url: 'URL',
    emoji: 'emoĝio',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO-datotempo',
    date: 'ISO-dato',
    time: 'ISO-tempo',
    duration: 'ISO-daŭro',
    ipv4: 'IPv4-adreso',
    ipv6: 'IPv6-adreso',
    cidrv4: 'IPv4-rango',
    cidrv6: 'IPv6-rango',
    base64: '64-ume kodita karaktraro',
    base64url: 'URL-64-ume kodita karaktraro',
    json_string: 'JSON-karaktraro',
    e164: 'E.164-nombro',
    jwt: 'JWT',
    template_literal: 'enigo',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Nevalida enigo: atendiĝis ${issue2.expected}, riceviĝis ${parsedType2(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Nevalida enigo: atendiĝis ${stringifyPrimitive(issue2.values[0])}`;
        return `Nevalida opcio: atendiĝis unu el ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Tro granda: atendiĝis ke ${issue2.origin ?? 'valoro'} havu ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementojn'}`;
        return `Tro granda: atendiĝis ke ${issue2.origin ?? 'valoro'} havu ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Tro malgranda: atendiĝis ke ${issue2.origin} havu ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Tro malgranda: atendiĝis ke ${issue2.origin} estu ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Nevalida karaktraro: devas komenciĝi per "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Nevalida karaktraro: devas finiĝi per "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Nevalida karaktraro: devas inkluzivi "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Nevalida karaktraro: devas kongrui kun la modelo ${_issue.pattern}`;
        return `Nevalida ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Nevalida nombro: devas esti oblo de ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Nekonata${issue2.keys.length > 1 ? 'j' : ''} ŝlosilo${issue2.keys.length > 1 ? 'j' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Nevalida ŝlosilo en ${issue2.origin}`;
      case 'invalid_union':
        return 'Nevalida enigo';
      case 'invalid_element':
        return `Nevalida valoro en ${issue2.origin}`;
      default:
        return `Nevalida enigo`;
    }
  };
};
function eo_default() {
  return {
    localeError: error8(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/es.js
var error9 = () => {
  const Sizable = {
    string: { unit: 'caracteres', verb: 'tener' },
    file: { unit: 'bytes', verb: 'tener' },
    array: { unit: 'elementos', verb: 'tener' },
    set: { unit: 'elementos', verb: 'tener' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'número';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'arreglo';
        }
        if (data === null) {
          return 'nulo';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'entrada',
    email: 'dirección de correo electrónico',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'fecha y hora ISO',
    date: 'fecha ISO',
    time: 'hora ISO',
    duration: 'duración ISO',
    ipv4: 'dirección IPv4',
    ipv6: 'dirección IPv6',
    cidrv4: 'rango IPv4',
    cidrv6: 'rango IPv6',
    base64: 'cadena codificada en base64',
    base64url: 'URL codificada en base64',
    json_string: 'cadena JSON',
    e164: 'número E.164',
    jwt: 'JWT',
    template_literal: 'entrada',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Entrada inválida: se esperaba ${issue2.expected}, recibido ${parsedType4(issue2.input)}`;
      // return `Entrada inválida: se esperaba ${issue.expected}, recibido ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Entrada inválida: se esperaba ${stringifyPrimitive(issue2.values[0])}`;
        return `Opción inválida: se esperaba una de ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Demasiado grande: se esperaba que ${issue2.origin ?? 'valor'} tuviera ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementos'}`;
        return `Demasiado grande: se esperaba que ${issue2.origin ?? 'valor'} fuera ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Demasiado pequeño: se esperaba que ${issue2.origin} tuviera ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Demasiado pequeño: se esperaba que ${issue2.origin} fuera ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Cadena inválida: debe comenzar con "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Cadena inválida: debe terminar en "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Cadena inválida: debe incluir "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Cadena inválida: debe coincidir con el patrón ${_issue.pattern}`;
        return `Inválido ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Número inválido: debe ser múltiplo de ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Llave${issue2.keys.length > 1 ? 's' : ''} desconocida${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Llave inválida en ${issue2.origin}`;
      case 'invalid_union':
        return 'Entrada inválida';
      case 'invalid_element':
        return `Valor inválido en ${issue2.origin}`;
      default:
        return `Entrada inválida`;
    }
  };
};
function es_default() {
  return {
    localeError: error9(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/fa.js
var error10 = () => {
  const Sizable = {
    string: { unit: 'کاراکتر', verb: 'داشته باشد' },
    file: { unit: 'بایت', verb: 'داشته باشد' },
    array: { unit: 'آیتم', verb: 'داشته باشد' },
    set: { unit: 'آیتم', verb: 'داشته باشد' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'عدد';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'آرایه';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'ورودی',
    email: 'آدرس ایمیل',
    url: 'URL',
    emoji: 'ایموجی',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'تاریخ و زمان ایزو',
    date: 'تاریخ ایزو',
    time: 'زمان ایزو',
    duration: 'مدت زمان ایزو',
    ipv4: 'IPv4 آدرس',
    ipv6: 'IPv6 آدرس',
    cidrv4: 'IPv4 دامنه',
    cidrv6: 'IPv6 دامنه',
    base64: 'base64-encoded رشته',
    base64url: 'base64url-encoded رشته',
    json_string: 'JSON رشته',
    e164: 'E.164 عدد',
    jwt: 'JWT',
    template_literal: 'ورودی',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `ورودی نامعتبر: می‌بایست ${issue2.expected} می‌بود، ${parsedType4(issue2.input)} دریافت شد`;
      case 'invalid_value':
        if (issue2.values.length === 1) {
          return `ورودی نامعتبر: می‌بایست ${stringifyPrimitive(issue2.values[0])} می‌بود`;
        }
        return `گزینه نامعتبر: می‌بایست یکی از ${joinValues(issue2.values, '|')} می‌بود`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `خیلی بزرگ: ${issue2.origin ?? 'مقدار'} باید ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'عنصر'} باشد`;
        }
        return `خیلی بزرگ: ${issue2.origin ?? 'مقدار'} باید ${adj}${issue2.maximum.toString()} باشد`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `خیلی کوچک: ${issue2.origin} باید ${adj}${issue2.minimum.toString()} ${sizing.unit} باشد`;
        }
        return `خیلی کوچک: ${issue2.origin} باید ${adj}${issue2.minimum.toString()} باشد`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `رشته نامعتبر: باید با "${_issue.prefix}" شروع شود`;
        }
        if (_issue.format === 'ends_with') {
          return `رشته نامعتبر: باید با "${_issue.suffix}" تمام شود`;
        }
        if (_issue.format === 'includes') {
          return `رشته نامعتبر: باید شامل "${_issue.includes}" باشد`;
        }
        if (_issue.format === 'regex') {
          return `رشته نامعتبر: باید با الگوی ${_issue.pattern} مطابقت داشته باشد`;
        }
        return `${Nouns[_issue.format] ?? issue2.format} نامعتبر`;
      }
      case 'not_multiple_of':
        return `عدد نامعتبر: باید مضرب ${issue2.divisor} باشد`;
      case 'unrecognized_keys':
        return `کلید${issue2.keys.length > 1 ? 'های' : ''} ناشناس: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `کلید ناشناس در ${issue2.origin}`;
      case 'invalid_union':
        return `ورودی نامعتبر`;
      case 'invalid_element':
        return `مقدار نامعتبر در ${issue2.origin}`;
      default:
        return `ورودی نامعتبر`;
    }
  };
};
function fa_default() {
  return {
    localeError: error10(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/fi.js
var error11 = () => {
  const Sizable = {
    string: { unit: 'merkkiä', subject: 'merkkijonon' },
    file: { unit: 'tavua', subject: 'tiedoston' },
    array: { unit: 'alkiota', subject: 'listan' },
    set: { unit: 'alkiota', subject: 'joukon' },
    number: { unit: '', subject: 'luvun' },
    bigint: { unit: '', subject: 'suuren kokonaisluvun' },
    int: { unit: '', subject: 'kokonaisluvun' },
    date: { unit: '', subject: 'päivämäärän' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'säännöllinen lauseke',
    email: 'sähköpostiosoite',
    url: 'URL-osoite',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO-aikaleima',
    date: 'ISO-päivämäärä',
    time: 'ISO-aika',
    duration: 'ISO-kesto',
    ipv4: 'IPv4-osoite',
    ipv6: 'IPv6-osoite',
    cidrv4: 'IPv4-alue',
    cidrv6: 'IPv6-alue',
    base64: 'base64-koodattu merkkijono',
    base64url: 'base64url-koodattu merkkijono',
    json_string: 'JSON-merkkijono',
    e164: 'E.164-luku',
    jwt: 'JWT',
    template_literal: 'templaattimerkkijono',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Virheellinen tyyppi: odotettiin ${issue2.expected}, oli ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1)
          return `Virheellinen syöte: täytyy olla ${stringifyPrimitive(issue2.values[0])}`;
        return `Virheellinen valinta: täytyy olla yksi seuraavista: ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Liian suuri: ${sizing.subject} täytyy olla ${adj}${issue2.maximum.toString()} ${sizing.unit}`.trim();
        }
        return `Liian suuri: arvon täytyy olla ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Liian pieni: ${sizing.subject} täytyy olla ${adj}${issue2.minimum.toString()} ${sizing.unit}`.trim();
        }
        return `Liian pieni: arvon täytyy olla ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Virheellinen syöte: täytyy alkaa "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Virheellinen syöte: täytyy loppua "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Virheellinen syöte: täytyy sisältää "${_issue.includes}"`;
        if (_issue.format === 'regex') {
          return `Virheellinen syöte: täytyy vastata säännöllistä lauseketta ${_issue.pattern}`;
        }
        return `Virheellinen ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Virheellinen luku: täytyy olla luvun ${issue2.divisor} monikerta`;
      case 'unrecognized_keys':
        return `${issue2.keys.length > 1 ? 'Tuntemattomat avaimet' : 'Tuntematon avain'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return 'Virheellinen avain tietueessa';
      case 'invalid_union':
        return 'Virheellinen unioni';
      case 'invalid_element':
        return 'Virheellinen arvo joukossa';
      default:
        return `Virheellinen syöte`;
    }
  };
};
function fi_default() {
  return {
    localeError: error11(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/fr.js
var error12 = () => {
  const Sizable = {
    string: { unit: 'caractères', verb: 'avoir' },
    file: { unit: 'octets', verb: 'avoir' },
    array: { unit: 'éléments', verb: 'avoir' },
    set: { unit: 'éléments', verb: 'avoir' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'nombre';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'tableau';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'entrée',
    email: 'adresse e-mail',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'date et heure ISO',
    date: 'date ISO',
    time: 'heure ISO',
    duration: 'durée ISO',
    ipv4: 'adresse IPv4',
    ipv6: 'adresse IPv6',
    cidrv4: 'plage IPv4',
    cidrv6: 'plage IPv6',
    base64: 'chaîne encodée en base64',
    base64url: 'chaîne encodée en base64url',
    json_string: 'chaîne JSON',
    e164: 'numéro E.164',
    jwt: 'JWT',
    template_literal: 'entrée',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Entrée invalide : ${issue2.expected} attendu, ${parsedType4(issue2.input)} reçu`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Entrée invalide : ${stringifyPrimitive(issue2.values[0])} attendu`;
        return `Option invalide : une valeur parmi ${joinValues(issue2.values, '|')} attendue`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Trop grand : ${issue2.origin ?? 'valeur'} doit ${sizing.verb} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'élément(s)'}`;
        return `Trop grand : ${issue2.origin ?? 'valeur'} doit être ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Trop petit : ${issue2.origin} doit ${sizing.verb} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Trop petit : ${issue2.origin} doit être ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Chaîne invalide : doit commencer par "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Chaîne invalide : doit se terminer par "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Chaîne invalide : doit inclure "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Chaîne invalide : doit correspondre au modèle ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} invalide`;
      }
      case 'not_multiple_of':
        return `Nombre invalide : doit être un multiple de ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Clé${issue2.keys.length > 1 ? 's' : ''} non reconnue${issue2.keys.length > 1 ? 's' : ''} : ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Clé invalide dans ${issue2.origin}`;
      case 'invalid_union':
        return 'Entrée invalide';
      case 'invalid_element':
        return `Valeur invalide dans ${issue2.origin}`;
      default:
        return `Entrée invalide`;
    }
  };
};
function fr_default() {
  return {
    localeError: error12(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/fr-CA.js
var error13 = () => {
  const Sizable = {
    string: { unit: 'caractères', verb: 'avoir' },
    file: { unit: 'octets', verb: 'avoir' },
    array: { unit: 'éléments', verb: 'avoir' },
    set: { unit: 'éléments', verb: 'avoir' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'entrée',
    email: 'adresse courriel',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'date-heure ISO',
    date: 'date ISO',
    time: 'heure ISO',
    duration: 'durée ISO',
    ipv4: 'adresse IPv4',
    ipv6: 'adresse IPv6',
    cidrv4: 'plage IPv4',
    cidrv6: 'plage IPv6',
    base64: 'chaîne encodée en base64',
    base64url: 'chaîne encodée en base64url',
    json_string: 'chaîne JSON',
    e164: 'numéro E.164',
    jwt: 'JWT',
    template_literal: 'entrée',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Entrée invalide : attendu ${issue2.expected}, reçu ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Entrée invalide : attendu ${stringifyPrimitive(issue2.values[0])}`;
        return `Option invalide : attendu l'une des valeurs suivantes ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '≤' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Trop grand : attendu que ${issue2.origin ?? 'la valeur'} ait ${adj}${issue2.maximum.toString()} ${sizing.unit}`;
        return `Trop grand : attendu que ${issue2.origin ?? 'la valeur'} soit ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '≥' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Trop petit : attendu que ${issue2.origin} ait ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Trop petit : attendu que ${issue2.origin} soit ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Chaîne invalide : doit commencer par "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `Chaîne invalide : doit se terminer par "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Chaîne invalide : doit inclure "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Chaîne invalide : doit correspondre au motif ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} invalide`;
      }
      case 'not_multiple_of':
        return `Nombre invalide : doit être un multiple de ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Clé${issue2.keys.length > 1 ? 's' : ''} non reconnue${issue2.keys.length > 1 ? 's' : ''} : ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Clé invalide dans ${issue2.origin}`;
      case 'invalid_union':
        return 'Entrée invalide';
      case 'invalid_element':
        return `Valeur invalide dans ${issue2.origin}`;
      default:
        return `Entrée invalide`;
    }
  };
};
function fr_CA_default() {
  return {
    localeError: error13(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/he.js
var error14 = () => {
  const Sizable = {
    string: { unit: 'אותיות', verb: 'לכלול' },
    file: { unit: 'בייטים', verb: 'לכלול' },
    array: { unit: 'פריטים', verb: 'לכלול' },
    set: { unit: 'פריטים', verb: 'לכלול' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'קלט',
    email: 'כתובת אימייל',
    url: 'כתובת רשת',
    emoji: "אימוג'י",
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'תאריך וזמן ISO',
    date: 'תאריך ISO',
    time: 'זמן ISO',
    duration: 'משך זמן ISO',
    ipv4: 'כתובת IPv4',
    ipv6: 'כתובת IPv6',
    cidrv4: 'טווח IPv4',
    cidrv6: 'טווח IPv6',
    base64: 'מחרוזת בבסיס 64',
    base64url: 'מחרוזת בבסיס 64 לכתובות רשת',
    json_string: 'מחרוזת JSON',
    e164: 'מספר E.164',
    jwt: 'JWT',
    template_literal: 'קלט',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `קלט לא תקין: צריך ${issue2.expected}, התקבל ${parsedType4(issue2.input)}`;
      // return `Invalid input: expected ${issue.expected}, received ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `קלט לא תקין: צריך ${stringifyPrimitive(issue2.values[0])}`;
        return `קלט לא תקין: צריך אחת מהאפשרויות  ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `גדול מדי: ${issue2.origin ?? 'value'} צריך להיות ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elements'}`;
        return `גדול מדי: ${issue2.origin ?? 'value'} צריך להיות ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `קטן מדי: ${issue2.origin} צריך להיות ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `קטן מדי: ${issue2.origin} צריך להיות ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `מחרוזת לא תקינה: חייבת להתחיל ב"${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `מחרוזת לא תקינה: חייבת להסתיים ב "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `מחרוזת לא תקינה: חייבת לכלול "${_issue.includes}"`;
        if (_issue.format === 'regex') return `מחרוזת לא תקינה: חייבת להתאים לתבנית ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} לא תקין`;
      }
      case 'not_multiple_of':
        return `מספר לא תקין: חייב להיות מכפלה של ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `מפתח${issue2.keys.length > 1 ? 'ות' : ''} לא מזוה${issue2.keys.length > 1 ? 'ים' : 'ה'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `מפתח לא תקין ב${issue2.origin}`;
      case 'invalid_union':
        return 'קלט לא תקין';
      case 'invalid_element':
        return `ערך לא תקין ב${issue2.origin}`;
      default:
        return `קלט לא תקין`;
    }
  };
};
function he_default() {
  return {
    localeError: error14(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/hu.js
var error15 = () => {
  const Sizable = {
    string: { unit: 'karakter', verb: 'legyen' },
    file: { unit: 'byte', verb: 'legyen' },
    array: { unit: 'elem', verb: 'legyen' },
    set: { unit: 'elem', verb: 'legyen' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'szám';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'tömb';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'bemenet',
    email: 'email cím',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO időbélyeg',
    date: 'ISO dátum',
    time: 'ISO idő',
    duration: 'ISO időintervallum',
    ipv4: 'IPv4 cím',
    ipv6: 'IPv6 cím',
    cidrv4: 'IPv4 tartomány',
    cidrv6: 'IPv6 tartomány',
    base64: 'base64-kódolt string',
    base64url: 'base64url-kódolt string',
    json_string: 'JSON string',
    e164: 'E.164 szám',
    jwt: 'JWT',
    template_literal: 'bemenet',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Érvénytelen bemenet: a várt érték ${issue2.expected}, a kapott érték ${parsedType4(issue2.input)}`;
      // return `Invalid input: expected ${issue.expected}, received ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1)
          return `Érvénytelen bemenet: a várt érték ${stringifyPrimitive(issue2.values[0])}`;
        return `Érvénytelen opció: valamelyik érték várt ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Túl nagy: ${issue2.origin ?? 'érték'} mérete túl nagy ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elem'}`;
        return `Túl nagy: a bemeneti érték ${issue2.origin ?? 'érték'} túl nagy: ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Túl kicsi: a bemeneti érték ${issue2.origin} mérete túl kicsi ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Túl kicsi: a bemeneti érték ${issue2.origin} túl kicsi ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Érvénytelen string: "${_issue.prefix}" értékkel kell kezdődnie`;
        if (_issue.format === 'ends_with') return `Érvénytelen string: "${_issue.suffix}" értékkel kell végződnie`;
        if (_issue.format === 'includes') return `Érvénytelen string: "${_issue.includes}" értéket kell tartalmaznia`;
        if (_issue.format === 'regex') return `Érvénytelen string: ${_issue.pattern} mintának kell megfelelnie`;
        return `Érvénytelen ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Érvénytelen szám: ${issue2.divisor} többszörösének kell lennie`;
      case 'unrecognized_keys':
        return `Ismeretlen kulcs${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Érvénytelen kulcs ${issue2.origin}`;
      case 'invalid_union':
        return 'Érvénytelen bemenet';
      case 'invalid_element':
        return `Érvénytelen érték: ${issue2.origin}`;
      default:
        return `Érvénytelen bemenet`;
    }
  };
};
function hu_default() {
  return {
    localeError: error15(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/id.js
var error16 = () => {
  const Sizable = {
    string: { unit: 'karakter', verb: 'memiliki' },
    file: { unit: 'byte', verb: 'memiliki' },
    array: { unit: 'item', verb: 'memiliki' },
    set: { unit: 'item', verb: 'memiliki' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'input',
    email: 'alamat email',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'tanggal dan waktu format ISO',
    date: 'tanggal format ISO',
    time: 'jam format ISO',
    duration: 'durasi format ISO',
    ipv4: 'alamat IPv4',
    ipv6: 'alamat IPv6',
    cidrv4: 'rentang alamat IPv4',
    cidrv6: 'rentang alamat IPv6',
    base64: 'string dengan enkode base64',
    base64url: 'string dengan enkode base64url',
    json_string: 'string JSON',
    e164: 'angka E.164',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Input tidak valid: diharapkan ${issue2.expected}, diterima ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Input tidak valid: diharapkan ${stringifyPrimitive(issue2.values[0])}`;
        return `Pilihan tidak valid: diharapkan salah satu dari ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Terlalu besar: diharapkan ${issue2.origin ?? 'value'} memiliki ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elemen'}`;
        return `Terlalu besar: diharapkan ${issue2.origin ?? 'value'} menjadi ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Terlalu kecil: diharapkan ${issue2.origin} memiliki ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Terlalu kecil: diharapkan ${issue2.origin} menjadi ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `String tidak valid: harus dimulai dengan "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `String tidak valid: harus berakhir dengan "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `String tidak valid: harus menyertakan "${_issue.includes}"`;
        if (_issue.format === 'regex') return `String tidak valid: harus sesuai pola ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} tidak valid`;
      }
      case 'not_multiple_of':
        return `Angka tidak valid: harus kelipatan dari ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Kunci tidak dikenali ${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Kunci tidak valid di ${issue2.origin}`;
      case 'invalid_union':
        return 'Input tidak valid';
      case 'invalid_element':
        return `Nilai tidak valid di ${issue2.origin}`;
      default:
        return `Input tidak valid`;
    }
  };
};
function id_default() {
  return {
    localeError: error16(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/it.js
var error17 = () => {
  const Sizable = {
    string: { unit: 'caratteri', verb: 'avere' },
    file: { unit: 'byte', verb: 'avere' },
    array: { unit: 'elementi', verb: 'avere' },
    set: { unit: 'elementi', verb: 'avere' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'numero';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'vettore';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'input',
    email: 'indirizzo email',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'data e ora ISO',
    date: 'data ISO',
    time: 'ora ISO',
    duration: 'durata ISO',
    ipv4: 'indirizzo IPv4',
    ipv6: 'indirizzo IPv6',
    cidrv4: 'intervallo IPv4',
    cidrv6: 'intervallo IPv6',
    base64: 'stringa codificata in base64',
    base64url: 'URL codificata in base64',
    json_string: 'stringa JSON',
    e164: 'numero E.164',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Input non valido: atteso ${issue2.expected}, ricevuto ${parsedType4(issue2.input)}`;
      // return `Input non valido: atteso ${issue.expected}, ricevuto ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Input non valido: atteso ${stringifyPrimitive(issue2.values[0])}`;
        return `Opzione non valida: atteso uno tra ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Troppo grande: ${issue2.origin ?? 'valore'} deve avere ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementi'}`;
        return `Troppo grande: ${issue2.origin ?? 'valore'} deve essere ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Troppo piccolo: ${issue2.origin} deve avere ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Troppo piccolo: ${issue2.origin} deve essere ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Stringa non valida: deve iniziare con "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Stringa non valida: deve terminare con "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Stringa non valida: deve includere "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Stringa non valida: deve corrispondere al pattern ${_issue.pattern}`;
        return `Invalid ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Numero non valido: deve essere un multiplo di ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Chiav${issue2.keys.length > 1 ? 'i' : 'e'} non riconosciut${issue2.keys.length > 1 ? 'e' : 'a'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Chiave non valida in ${issue2.origin}`;
      case 'invalid_union':
        return 'Input non valido';
      case 'invalid_element':
        return `Valore non valido in ${issue2.origin}`;
      default:
        return `Input non valido`;
    }
  };
};
function it_default() {
  return {
    localeError: error17(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ja.js
var error18 = () => {
  const Sizable = {
    string: { unit: '文字', verb: 'である' },
    file: { unit: 'バイト', verb: 'である' },
    array: { unit: '要素', verb: 'である' },
    set: { unit: '要素', verb: 'である' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : '数値';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return '配列';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: '入力値',
    email: 'メールアドレス',
    url: 'URL',
    emoji: '絵文字',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO日時',
    date: 'ISO日付',
    time: 'ISO時刻',
    duration: 'ISO期間',
    ipv4: 'IPv4アドレス',
    ipv6: 'IPv6アドレス',
    cidrv4: 'IPv4範囲',
    cidrv6: 'IPv6範囲',
    base64: 'base64エンコード文字列',
    base64url: 'base64urlエンコード文字列',
    json_string: 'JSON文字列',
    e164: 'E.164番号',
    jwt: 'JWT',
    template_literal: '入力値',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `無効な入力: ${issue2.expected}が期待されましたが、${parsedType4(issue2.input)}が入力されました`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `無効な入力: ${stringifyPrimitive(issue2.values[0])}が期待されました`;
        return `無効な選択: ${joinValues(issue2.values, '、')}のいずれかである必要があります`;
      case 'too_big': {
        const adj = issue2.inclusive ? '以下である' : 'より小さい';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `大きすぎる値: ${issue2.origin ?? '値'}は${issue2.maximum.toString()}${sizing.unit ?? '要素'}${adj}必要があります`;
        return `大きすぎる値: ${issue2.origin ?? '値'}は${issue2.maximum.toString()}${adj}必要があります`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '以上である' : 'より大きい';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `小さすぎる値: ${issue2.origin}は${issue2.minimum.toString()}${sizing.unit}${adj}必要があります`;
        return `小さすぎる値: ${issue2.origin}は${issue2.minimum.toString()}${adj}必要があります`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `無効な文字列: "${_issue.prefix}"で始まる必要があります`;
        if (_issue.format === 'ends_with') return `無効な文字列: "${_issue.suffix}"で終わる必要があります`;
        if (_issue.format === 'includes') return `無効な文字列: "${_issue.includes}"を含む必要があります`;
        if (_issue.format === 'regex') return `無効な文字列: パターン${_issue.pattern}に一致する必要があります`;
        return `無効な${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `無効な数値: ${issue2.divisor}の倍数である必要があります`;
      case 'unrecognized_keys':
        return `認識されていないキー${issue2.keys.length > 1 ? '群' : ''}: ${joinValues(issue2.keys, '、')}`;
      case 'invalid_key':
        return `${issue2.origin}内の無効なキー`;
      case 'invalid_union':
        return '無効な入力';
      case 'invalid_element':
        return `${issue2.origin}内の無効な値`;
      default:
        return `無効な入力`;
    }
  };
};
function ja_default() {
  return {
    localeError: error18(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/kh.js
var error19 = () => {
  const Sizable = {
    string: { unit: 'តួអក្សរ', verb: 'គួរមាន' },
    file: { unit: 'បៃ', verb: 'គួរមាន' },
    array: { unit: 'ធាតុ', verb: 'គួរមាន' },
    set: { unit: 'ធាតុ', verb: 'គួរមាន' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'មិនមែនជាលេខ (NaN)' : 'លេខ';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'អារេ (Array)';
        }
        if (data === null) {
          return 'គ្មានតម្លៃ (null)';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'ទិន្នន័យបញ្ចូល',
    email: 'អាសយដ្ឋានអ៊ីមែល',
    url: 'URL',
    emoji: 'សញ្ញាអារម្មណ៍',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'កាលបរិច្ឆេទ និងម៉ោង ISO',
    date: 'កាលបរិច្ឆេទ ISO',
    time: 'ម៉ោង ISO',
    duration: 'រយៈពេល ISO',
    ipv4: 'អាសយដ្ឋាន IPv4',
    ipv6: 'អាសយដ្ឋាន IPv6',
    cidrv4: 'ដែនអាសយដ្ឋាន IPv4',
    cidrv6: 'ដែនអាសយដ្ឋាន IPv6',
    base64: 'ខ្សែអក្សរអ៊ិកូដ base64',
    base64url: 'ខ្សែអក្សរអ៊ិកូដ base64url',
    json_string: 'ខ្សែអក្សរ JSON',
    e164: 'លេខ E.164',
    jwt: 'JWT',
    template_literal: 'ទិន្នន័យបញ្ចូល',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `ទិន្នន័យបញ្ចូលមិនត្រឹមត្រូវ៖ ត្រូវការ ${issue2.expected} ប៉ុន្តែទទួលបាន ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `ទិន្នន័យបញ្ចូលមិនត្រឹមត្រូវ៖ ត្រូវការ ${stringifyPrimitive(issue2.values[0])}`;
        return `ជម្រើសមិនត្រឹមត្រូវ៖ ត្រូវជាមួយក្នុងចំណោម ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `ធំពេក៖ ត្រូវការ ${issue2.origin ?? 'តម្លៃ'} ${adj} ${issue2.maximum.toString()} ${sizing.unit ?? 'ធាតុ'}`;
        return `ធំពេក៖ ត្រូវការ ${issue2.origin ?? 'តម្លៃ'} ${adj} ${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `តូចពេក៖ ត្រូវការ ${issue2.origin} ${adj} ${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `តូចពេក៖ ត្រូវការ ${issue2.origin} ${adj} ${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `ខ្សែអក្សរមិនត្រឹមត្រូវ៖ ត្រូវចាប់ផ្តើមដោយ "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `ខ្សែអក្សរមិនត្រឹមត្រូវ៖ ត្រូវបញ្ចប់ដោយ "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `ខ្សែអក្សរមិនត្រឹមត្រូវ៖ ត្រូវមាន "${_issue.includes}"`;
        if (_issue.format === 'regex') return `ខ្សែអក្សរមិនត្រឹមត្រូវ៖ ត្រូវតែផ្គូផ្គងនឹងទម្រង់ដែលបានកំណត់ ${_issue.pattern}`;
        return `មិនត្រឹមត្រូវ៖ ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `លេខមិនត្រឹមត្រូវ៖ ត្រូវតែជាពហុគុណនៃ ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `រកឃើញសោមិនស្គាល់៖ ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `សោមិនត្រឹមត្រូវនៅក្នុង ${issue2.origin}`;
      case 'invalid_union':
        return `ទិន្នន័យមិនត្រឹមត្រូវ`;
      case 'invalid_element':
        return `ទិន្នន័យមិនត្រឹមត្រូវនៅក្នុង ${issue2.origin}`;
      default:
        return `ទិន្នន័យមិនត្រឹមត្រូវ`;
    }
  };
};
function kh_default() {
  return {
    localeError: error19(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ko.js
var error20 = () => {
  const Sizable = {
    string: { unit: '문자', verb: 'to have' },
    file: { unit: '바이트', verb: 'to have' },
    array: { unit: '개', verb: 'to have' },
    set: { unit: '개', verb: 'to have' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: '입력',
    email: '이메일 주소',
    url: 'URL',
    emoji: '이모지',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO 날짜시간',
    date: 'ISO 날짜',
    time: 'ISO 시간',
    duration: 'ISO 기간',
    ipv4: 'IPv4 주소',
    ipv6: 'IPv6 주소',
    cidrv4: 'IPv4 범위',
    cidrv6: 'IPv6 범위',
    base64: 'base64 인코딩 문자열',
    base64url: 'base64url 인코딩 문자열',
    json_string: 'JSON 문자열',
    e164: 'E.164 번호',
    jwt: 'JWT',
    template_literal: '입력',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `잘못된 입력: 예상 타입은 ${issue2.expected}, 받은 타입은 ${parsedType4(issue2.input)}입니다`;
      case 'invalid_value':
        if (issue2.values.length === 1)
          return `잘못된 입력: 값은 ${stringifyPrimitive(issue2.values[0])} 이어야 합니다`;
        return `잘못된 옵션: ${joinValues(issue2.values, '또는 ')} 중 하나여야 합니다`;
      case 'too_big': {
        const adj = issue2.inclusive ? '이하' : '미만';
        const suffix = adj === '미만' ? '이어야 합니다' : '여야 합니다';
        const sizing = getSizing(issue2.origin);
        const unit = sizing?.unit ?? '요소';
        if (sizing)
          return `${issue2.origin ?? '값'}이 너무 큽니다: ${issue2.maximum.toString()}${unit} ${adj}${suffix}`;
        return `${issue2.origin ?? '값'}이 너무 큽니다: ${issue2.maximum.toString()} ${adj}${suffix}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '이상' : '초과';
        const suffix = adj === '이상' ? '이어야 합니다' : '여야 합니다';
        const sizing = getSizing(issue2.origin);
        const unit = sizing?.unit ?? '요소';
        if (sizing) {
          return `${issue2.origin ?? '값'}이 너무 작습니다: ${issue2.minimum.toString()}${unit} ${adj}${suffix}`;
        }
        return `${issue2.origin ?? '값'}이 너무 작습니다: ${issue2.minimum.toString()} ${adj}${suffix}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `잘못된 문자열: "${_issue.prefix}"(으)로 시작해야 합니다`;
        }
        if (_issue.format === 'ends_with') return `잘못된 문자열: "${_issue.suffix}"(으)로 끝나야 합니다`;
        if (_issue.format === 'includes') return `잘못된 문자열: "${_issue.includes}"을(를) 포함해야 합니다`;
        if (_issue.format === 'regex') return `잘못된 문자열: 정규식 ${_issue.pattern} 패턴과 일치해야 합니다`;
        return `잘못된 ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `잘못된 숫자: ${issue2.divisor}의 배수여야 합니다`;
      case 'unrecognized_keys':
        return `인식할 수 없는 키: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `잘못된 키: ${issue2.origin}`;
      case 'invalid_union':
        return `잘못된 입력`;
      case 'invalid_element':
        return `잘못된 값: ${issue2.origin}`;
      default:
        return `잘못된 입력`;
    }
  };
};
function ko_default() {
  return {
    localeError: error20(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/mk.js
var error21 = () => {
  const Sizable = {
    string: { unit: 'знаци', verb: 'да имаат' },
    file: { unit: 'бајти', verb: 'да имаат' },
    array: { unit: 'ставки', verb: 'да имаат' },
    set: { unit: 'ставки', verb: 'да имаат' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'број';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'низа';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'внес',
    email: 'адреса на е-пошта',
    url: 'URL',
    emoji: 'емоџи',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO датум и време',
    date: 'ISO датум',
    time: 'ISO време',
    duration: 'ISO времетраење',
    ipv4: 'IPv4 адреса',
    ipv6: 'IPv6 адреса',
    cidrv4: 'IPv4 опсег',
    cidrv6: 'IPv6 опсег',
    base64: 'base64-енкодирана низа',
    base64url: 'base64url-енкодирана низа',
    json_string: 'JSON низа',
    e164: 'E.164 број',
    jwt: 'JWT',
    template_literal: 'внес',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Грешен внес: се очекува ${issue2.expected}, примено ${parsedType4(issue2.input)}`;
      // return `Invalid input: expected ${issue.expected}, received ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Грешана опција: се очекува една ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Премногу голем: се очекува ${issue2.origin ?? 'вредноста'} да има ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'елементи'}`;
        return `Премногу голем: се очекува ${issue2.origin ?? 'вредноста'} да биде ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Премногу мал: се очекува ${issue2.origin} да има ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Премногу мал: се очекува ${issue2.origin} да биде ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Неважечка низа: мора да започнува со "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `Неважечка низа: мора да завршува со "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Неважечка низа: мора да вклучува "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Неважечка низа: мора да одгоара на патернот ${_issue.pattern}`;
        return `Invalid ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Грешен број: мора да биде делив со ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `${issue2.keys.length > 1 ? 'Непрепознаени клучеви' : 'Непрепознаен клуч'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Грешен клуч во ${issue2.origin}`;
      case 'invalid_union':
        return 'Грешен внес';
      case 'invalid_element':
        return `Грешна вредност во ${issue2.origin}`;
      default:
        return `Грешен внес`;
    }
  };
};
function mk_default() {
  return {
    localeError: error21(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ms.js
var error22 = () => {
  const Sizable = {
    string: { unit: 'aksara', verb: 'mempunyai' },
    file: { unit: 'bait', verb: 'mempunyai' },
    array: { unit: 'elemen', verb: 'mempunyai' },
    set: { unit: 'elemen', verb: 'mempunyai' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'nombor';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'input',
    email: 'alamat e-mel',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'tarikh masa ISO',
    date: 'tarikh ISO',
    time: 'masa ISO',
    duration: 'tempoh ISO',
    ipv4: 'alamat IPv4',
    ipv6: 'alamat IPv6',
    cidrv4: 'julat IPv4',
    cidrv6: 'julat IPv6',
    base64: 'string dikodkan base64',
    base64url: 'string dikodkan base64url',
    json_string: 'string JSON',
    e164: 'nombor E.164',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Input tidak sah: dijangka ${issue2.expected}, diterima ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Input tidak sah: dijangka ${stringifyPrimitive(issue2.values[0])}`;
        return `Pilihan tidak sah: dijangka salah satu daripada ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Terlalu besar: dijangka ${issue2.origin ?? 'nilai'} ${sizing.verb} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elemen'}`;
        return `Terlalu besar: dijangka ${issue2.origin ?? 'nilai'} adalah ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Terlalu kecil: dijangka ${issue2.origin} ${sizing.verb} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Terlalu kecil: dijangka ${issue2.origin} adalah ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `String tidak sah: mesti bermula dengan "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `String tidak sah: mesti berakhir dengan "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `String tidak sah: mesti mengandungi "${_issue.includes}"`;
        if (_issue.format === 'regex') return `String tidak sah: mesti sepadan dengan corak ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} tidak sah`;
      }
      case 'not_multiple_of':
        return `Nombor tidak sah: perlu gandaan ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Kunci tidak dikenali: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Kunci tidak sah dalam ${issue2.origin}`;
      case 'invalid_union':
        return 'Input tidak sah';
      case 'invalid_element':
        return `Nilai tidak sah dalam ${issue2.origin}`;
      default:
        return `Input tidak sah`;
    }
  };
};
function ms_default() {
  return {
    localeError: error22(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/nl.js
var error23 = () => {
  const Sizable = {
    string: { unit: 'tekens' },
    file: { unit: 'bytes' },
    array: { unit: 'elementen' },
    set: { unit: 'elementen' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'getal';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'invoer',
    email: 'emailadres',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO datum en tijd',
    date: 'ISO datum',
    time: 'ISO tijd',
    duration: 'ISO duur',
    ipv4: 'IPv4-adres',
    ipv6: 'IPv6-adres',
    cidrv4: 'IPv4-bereik',
    cidrv6: 'IPv6-bereik',
    base64: 'base64-gecodeerde tekst',
    base64url: 'base64 URL-gecodeerde tekst',
    json_string: 'JSON string',
    e164: 'E.164-nummer',
    jwt: 'JWT',
    template_literal: 'invoer',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Ongeldige invoer: verwacht ${issue2.expected}, ontving ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Ongeldige invoer: verwacht ${stringifyPrimitive(issue2.values[0])}`;
        return `Ongeldige optie: verwacht één van ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Te lang: verwacht dat ${issue2.origin ?? 'waarde'} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementen'} bevat`;
        return `Te lang: verwacht dat ${issue2.origin ?? 'waarde'} ${adj}${issue2.maximum.toString()} is`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Te kort: verwacht dat ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit} bevat`;
        }
        return `Te kort: verwacht dat ${issue2.origin} ${adj}${issue2.minimum.toString()} is`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Ongeldige tekst: moet met "${_issue.prefix}" beginnen`;
        }
        if (_issue.format === 'ends_with') return `Ongeldige tekst: moet op "${_issue.suffix}" eindigen`;
        if (_issue.format === 'includes') return `Ongeldige tekst: moet "${_issue.includes}" bevatten`;
        if (_issue.format === 'regex') return `Ongeldige tekst: moet overeenkomen met patroon ${_issue.pattern}`;
        return `Ongeldig: ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Ongeldig getal: moet een veelvoud van ${issue2.divisor} zijn`;
      case 'unrecognized_keys':
        return `Onbekende key${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Ongeldige key in ${issue2.origin}`;
      case 'invalid_union':
        return 'Ongeldige invoer';
      case 'invalid_element':
        return `Ongeldige waarde in ${issue2.origin}`;
      default:
        return `Ongeldige invoer`;
    }
  };
};
function nl_default() {
  return {
    localeError: error23(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/no.js
var error24 = () => {
  const Sizable = {
    string: { unit: 'tegn', verb: 'å ha' },
    file: { unit: 'bytes', verb: 'å ha' },
    array: { unit: 'elementer', verb: 'å inneholde' },
    set: { unit: 'elementer', verb: 'å inneholde' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'tall';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'liste';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'input',
    email: 'e-postadresse',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO dato- og klokkeslett',
    date: 'ISO-dato',
    time: 'ISO-klokkeslett',
    duration: 'ISO-varighet',
    ipv4: 'IPv4-område',
    ipv6: 'IPv6-område',
    cidrv4: 'IPv4-spekter',
    cidrv6: 'IPv6-spekter',
    base64: 'base64-enkodet streng',
    base64url: 'base64url-enkodet streng',
    json_string: 'JSON-streng',
    e164: 'E.164-nummer',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Ugyldig input: forventet ${issue2.expected}, fikk ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Ugyldig verdi: forventet ${stringifyPrimitive(issue2.values[0])}`;
        return `Ugyldig valg: forventet en av ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `For stor(t): forventet ${issue2.origin ?? 'value'} til å ha ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementer'}`;
        return `For stor(t): forventet ${issue2.origin ?? 'value'} til å ha ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `For lite(n): forventet ${issue2.origin} til å ha ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `For lite(n): forventet ${issue2.origin} til å ha ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Ugyldig streng: må starte med "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Ugyldig streng: må ende med "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Ugyldig streng: må inneholde "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Ugyldig streng: må matche mønsteret ${_issue.pattern}`;
        return `Ugyldig ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Ugyldig tall: må være et multiplum av ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `${issue2.keys.length > 1 ? 'Ukjente nøkler' : 'Ukjent nøkkel'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Ugyldig nøkkel i ${issue2.origin}`;
      case 'invalid_union':
        return 'Ugyldig input';
      case 'invalid_element':
        return `Ugyldig verdi i ${issue2.origin}`;
      default:
        return `Ugyldig input`;
    }
  };
};
function no_default() {
  return {
    localeError: error24(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ota.js
var error25 = () => {
  const Sizable = {
    string: { unit: 'harf', verb: 'olmalıdır' },
    file: { unit: 'bayt', verb: 'olmalıdır' },
    array: { unit: 'unsur', verb: 'olmalıdır' },
    set: { unit: 'unsur', verb: 'olmalıdır' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'numara';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'saf';
        }
        if (data === null) {
          return 'gayb';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'giren',
    email: 'epostagâh',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO hengâmı',
    date: 'ISO tarihi',
    time: 'ISO zamanı',
    duration: 'ISO müddeti',
    ipv4: 'IPv4 nişânı',
    ipv6: 'IPv6 nişânı',
    cidrv4: 'IPv4 menzili',
    cidrv6: 'IPv6 menzili',
    base64: 'base64-şifreli metin',
    base64url: 'base64url-şifreli metin',
    json_string: 'JSON metin',
    e164: 'E.164 sayısı',
    jwt: 'JWT',
    template_literal: 'giren',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Fâsit giren: umulan ${issue2.expected}, alınan ${parsedType4(issue2.input)}`;
      // return `Fâsit giren: umulan ${issue.expected}, alınan ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Fâsit giren: umulan ${stringifyPrimitive(issue2.values[0])}`;
        return `Fâsit tercih: mûteberler ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Fazla büyük: ${issue2.origin ?? 'value'}, ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elements'} sahip olmalıydı.`;
        return `Fazla büyük: ${issue2.origin ?? 'value'}, ${adj}${issue2.maximum.toString()} olmalıydı.`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Fazla küçük: ${issue2.origin}, ${adj}${issue2.minimum.toString()} ${sizing.unit} sahip olmalıydı.`;
        }
        return `Fazla küçük: ${issue2.origin}, ${adj}${issue2.minimum.toString()} olmalıydı.`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Fâsit metin: "${_issue.prefix}" ile başlamalı.`;
        if (_issue.format === 'ends_with') return `Fâsit metin: "${_issue.suffix}" ile bitmeli.`;
        if (_issue.format === 'includes') return `Fâsit metin: "${_issue.includes}" ihtivâ etmeli.`;
        if (_issue.format === 'regex') return `Fâsit metin: ${_issue.pattern} nakşına uymalı.`;
        return `Fâsit ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Fâsit sayı: ${issue2.divisor} katı olmalıydı.`;
      case 'unrecognized_keys':
        return `Tanınmayan anahtar ${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `${issue2.origin} için tanınmayan anahtar var.`;
      case 'invalid_union':
        return 'Giren tanınamadı.';
      case 'invalid_element':
        return `${issue2.origin} için tanınmayan kıymet var.`;
      default:
        return `Kıymet tanınamadı.`;
    }
  };
};
function ota_default() {
  return {
    localeError: error25(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ps.js
var error26 = () => {
  const Sizable = {
    string: { unit: 'توکي', verb: 'ولري' },
    file: { unit: 'بایټس', verb: 'ولري' },
    array: { unit: 'توکي', verb: 'ولري' },
    set: { unit: 'توکي', verb: 'ولري' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'عدد';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'ارې';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'ورودي',
    email: 'بریښنالیک',
    url: 'یو آر ال',
    emoji: 'ایموجي',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'نیټه او وخت',
    date: 'نېټه',
    time: 'وخت',
    duration: 'موده',
    ipv4: 'د IPv4 پته',
    ipv6: 'د IPv6 پته',
    cidrv4: 'د IPv4 ساحه',
    cidrv6: 'د IPv6 ساحه',
    base64: 'base64-encoded متن',
    base64url: 'base64url-encoded متن',
    json_string: 'JSON متن',
    e164: 'د E.164 شمېره',
    jwt: 'JWT',
    template_literal: 'ورودي',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `ناسم ورودي: باید ${issue2.expected} وای, مګر ${parsedType4(issue2.input)} ترلاسه شو`;
      case 'invalid_value':
        if (issue2.values.length === 1) {
          return `ناسم ورودي: باید ${stringifyPrimitive(issue2.values[0])} وای`;
        }
        return `ناسم انتخاب: باید یو له ${joinValues(issue2.values, '|')} څخه وای`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `ډیر لوی: ${issue2.origin ?? 'ارزښت'} باید ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'عنصرونه'} ولري`;
        }
        return `ډیر لوی: ${issue2.origin ?? 'ارزښت'} باید ${adj}${issue2.maximum.toString()} وي`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `ډیر کوچنی: ${issue2.origin} باید ${adj}${issue2.minimum.toString()} ${sizing.unit} ولري`;
        }
        return `ډیر کوچنی: ${issue2.origin} باید ${adj}${issue2.minimum.toString()} وي`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `ناسم متن: باید د "${_issue.prefix}" سره پیل شي`;
        }
        if (_issue.format === 'ends_with') {
          return `ناسم متن: باید د "${_issue.suffix}" سره پای ته ورسيږي`;
        }
        if (_issue.format === 'includes') {
          return `ناسم متن: باید "${_issue.includes}" ولري`;
        }
        if (_issue.format === 'regex') {
          return `ناسم متن: باید د ${_issue.pattern} سره مطابقت ولري`;
        }
        return `${Nouns[_issue.format] ?? issue2.format} ناسم دی`;
      }
      case 'not_multiple_of':
        return `ناسم عدد: باید د ${issue2.divisor} مضرب وي`;
      case 'unrecognized_keys':
        return `ناسم ${issue2.keys.length > 1 ? 'کلیډونه' : 'کلیډ'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `ناسم کلیډ په ${issue2.origin} کې`;
      case 'invalid_union':
        return `ناسمه ورودي`;
      case 'invalid_element':
        return `ناسم عنصر په ${issue2.origin} کې`;
      default:
        return `ناسمه ورودي`;
    }
  };
};
function ps_default() {
  return {
    localeError: error26(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/pl.js
var error27 = () => {
  const Sizable = {
    string: { unit: 'znaków', verb: 'mieć' },
    file: { unit: 'bajtów', verb: 'mieć' },
    array: { unit: 'elementów', verb: 'mieć' },
    set: { unit: 'elementów', verb: 'mieć' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'liczba';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'tablica';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'wyrażenie',
    email: 'adres email',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'data i godzina w formacie ISO',
    date: 'data w formacie ISO',
    time: 'godzina w formacie ISO',
    duration: 'czas trwania ISO',
    ipv4: 'adres IPv4',
    ipv6: 'adres IPv6',
    cidrv4: 'zakres IPv4',
    cidrv6: 'zakres IPv6',
    base64: 'ciąg znaków zakodowany w formacie base64',
    base64url: 'ciąg znaków zakodowany w formacie base64url',
    json_string: 'ciąg znaków w formacie JSON',
    e164: 'liczba E.164',
    jwt: 'JWT',
    template_literal: 'wejście',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Nieprawidłowe dane wejściowe: oczekiwano ${issue2.expected}, otrzymano ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1)
          return `Nieprawidłowe dane wejściowe: oczekiwano ${stringifyPrimitive(issue2.values[0])}`;
        return `Nieprawidłowa opcja: oczekiwano jednej z wartości ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Za duża wartość: oczekiwano, że ${issue2.origin ?? 'wartość'} będzie mieć ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementów'}`;
        }
        return `Zbyt duż(y/a/e): oczekiwano, że ${issue2.origin ?? 'wartość'} będzie wynosić ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Za mała wartość: oczekiwano, że ${issue2.origin ?? 'wartość'} będzie mieć ${adj}${issue2.minimum.toString()} ${sizing.unit ?? 'elementów'}`;
        }
        return `Zbyt mał(y/a/e): oczekiwano, że ${issue2.origin ?? 'wartość'} będzie wynosić ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with')
          return `Nieprawidłowy ciąg znaków: musi zaczynać się od "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Nieprawidłowy ciąg znaków: musi kończyć się na "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Nieprawidłowy ciąg znaków: musi zawierać "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Nieprawidłowy ciąg znaków: musi odpowiadać wzorcowi ${_issue.pattern}`;
        return `Nieprawidłow(y/a/e) ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Nieprawidłowa liczba: musi być wielokrotnością ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Nierozpoznane klucze${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Nieprawidłowy klucz w ${issue2.origin}`;
      case 'invalid_union':
        return 'Nieprawidłowe dane wejściowe';
      case 'invalid_element':
        return `Nieprawidłowa wartość w ${issue2.origin}`;
      default:
        return `Nieprawidłowe dane wejściowe`;
    }
  };
};
function pl_default() {
  return {
    localeError: error27(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/pt.js
var error28 = () => {
  const Sizable = {
    string: { unit: 'caracteres', verb: 'ter' },
    file: { unit: 'bytes', verb: 'ter' },
    array: { unit: 'itens', verb: 'ter' },
    set: { unit: 'itens', verb: 'ter' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'número';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'nulo';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'padrão',
    email: 'endereço de e-mail',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'data e hora ISO',
    date: 'data ISO',
    time: 'hora ISO',
    duration: 'duração ISO',
    ipv4: 'endereço IPv4',
    ipv6: 'endereço IPv6',
    cidrv4: 'faixa de IPv4',
    cidrv6: 'faixa de IPv6',
    base64: 'texto codificado em base64',
    base64url: 'URL codificada em base64',
    json_string: 'texto JSON',
    e164: 'número E.164',
    jwt: 'JWT',
    template_literal: 'entrada',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Tipo inválido: esperado ${issue2.expected}, recebido ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Entrada inválida: esperado ${stringifyPrimitive(issue2.values[0])}`;
        return `Opção inválida: esperada uma das ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Muito grande: esperado que ${issue2.origin ?? 'valor'} tivesse ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementos'}`;
        return `Muito grande: esperado que ${issue2.origin ?? 'valor'} fosse ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Muito pequeno: esperado que ${issue2.origin} tivesse ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Muito pequeno: esperado que ${issue2.origin} fosse ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Texto inválido: deve começar com "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Texto inválido: deve terminar com "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Texto inválido: deve incluir "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Texto inválido: deve corresponder ao padrão ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} inválido`;
      }
      case 'not_multiple_of':
        return `Número inválido: deve ser múltiplo de ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Chave${issue2.keys.length > 1 ? 's' : ''} desconhecida${issue2.keys.length > 1 ? 's' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Chave inválida em ${issue2.origin}`;
      case 'invalid_union':
        return 'Entrada inválida';
      case 'invalid_element':
        return `Valor inválido em ${issue2.origin}`;
      default:
        return `Campo inválido`;
    }
  };
};
function pt_default() {
  return {
    localeError: error28(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ru.js
function getRussianPlural(count, one, few, many) {
  const absCount = Math.abs(count);
  const lastDigit = absCount % 10;
  const lastTwoDigits = absCount % 100;
  if (lastTwoDigits >= 11 && lastTwoDigits <= 19) {
    return many;
  }
  if (lastDigit === 1) {
    return one;
  }
  if (lastDigit >= 2 && lastDigit <= 4) {
    return few;
  }
  return many;
}
var error29 = () => {
  const Sizable = {
    string: {
      unit: {
        one: 'символ',
        few: 'символа',
        many: 'символов',
      },
      verb: 'иметь',
    },
    file: {
      unit: {
        one: 'байт',
        few: 'байта',
        many: 'байт',
      },
      verb: 'иметь',
    },
    array: {
      unit: {
        one: 'элемент',
        few: 'элемента',
        many: 'элементов',
      },
      verb: 'иметь',
    },
    set: {
      unit: {
        one: 'элемент',
        few: 'элемента',
        many: 'элементов',
      },
      verb: 'иметь',
    },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'число';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'массив';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'ввод',
    email: 'email адрес',
    url: 'URL',
    emoji: 'эмодзи',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO дата и время',
    date: 'ISO дата',
    time: 'ISO время',
    duration: 'ISO длительность',
    ipv4: 'IPv4 адрес',
    ipv6: 'IPv6 адрес',
    cidrv4: 'IPv4 диапазон',
    cidrv6: 'IPv6 диапазон',
    base64: 'строка в формате base64',
    base64url: 'строка в формате base64url',
    json_string: 'JSON строка',
    e164: 'номер E.164',
    jwt: 'JWT',
    template_literal: 'ввод',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Неверный ввод: ожидалось ${issue2.expected}, получено ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Неверный ввод: ожидалось ${stringifyPrimitive(issue2.values[0])}`;
        return `Неверный вариант: ожидалось одно из ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          const maxValue = Number(issue2.maximum);
          const unit = getRussianPlural(maxValue, sizing.unit.one, sizing.unit.few, sizing.unit.many);
          return `Слишком большое значение: ожидалось, что ${issue2.origin ?? 'значение'} будет иметь ${adj}${issue2.maximum.toString()} ${unit}`;
        }
        return `Слишком большое значение: ожидалось, что ${issue2.origin ?? 'значение'} будет ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          const minValue = Number(issue2.minimum);
          const unit = getRussianPlural(minValue, sizing.unit.one, sizing.unit.few, sizing.unit.many);
          return `Слишком маленькое значение: ожидалось, что ${issue2.origin} будет иметь ${adj}${issue2.minimum.toString()} ${unit}`;
        }
        return `Слишком маленькое значение: ожидалось, что ${issue2.origin} будет ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Неверная строка: должна начинаться с "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Неверная строка: должна заканчиваться на "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Неверная строка: должна содержать "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Неверная строка: должна соответствовать шаблону ${_issue.pattern}`;
        return `Неверный ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Неверное число: должно быть кратным ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Нераспознанн${issue2.keys.length > 1 ? 'ые' : 'ый'} ключ${issue2.keys.length > 1 ? 'и' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Неверный ключ в ${issue2.origin}`;
      case 'invalid_union':
        return 'Неверные входные данные';
      case 'invalid_element':
        return `Неверное значение в ${issue2.origin}`;
      default:
        return `Неверные входные данные`;
    }
  };
};
function ru_default() {
  return {
    localeError: error29(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/sl.js
var error30 = () => {
  const Sizable = {
    string: { unit: 'znakov', verb: 'imeti' },
    file: { unit: 'bajtov', verb: 'imeti' },
    array: { unit: 'elementov', verb: 'imeti' },
    set: { unit: 'elementov', verb: 'imeti' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'število';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'tabela';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'vnos',
    email: 'e-poštni naslov',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO datum in čas',
    date: 'ISO datum',
    time: 'ISO čas',
    duration: 'ISO trajanje',
    ipv4: 'IPv4 naslov',
    ipv6: 'IPv6 naslov',
    cidrv4: 'obseg IPv4',
    cidrv6: 'obseg IPv6',
    base64: 'base64 kodiran niz',
    base64url: 'base64url kodiran niz',
    json_string: 'JSON niz',
    e164: 'E.164 številka',
    jwt: 'JWT',
    template_literal: 'vnos',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Neveljaven vnos: pričakovano ${issue2.expected}, prejeto ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Neveljaven vnos: pričakovano ${stringifyPrimitive(issue2.values[0])}`;
        return `Neveljavna možnost: pričakovano eno izmed ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Preveliko: pričakovano, da bo ${issue2.origin ?? 'vrednost'} imelo ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'elementov'}`;
        return `Preveliko: pričakovano, da bo ${issue2.origin ?? 'vrednost'} ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Premajhno: pričakovano, da bo ${issue2.origin} imelo ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Premajhno: pričakovano, da bo ${issue2.origin} ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Neveljaven niz: mora se začeti z "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `Neveljaven niz: mora se končati z "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Neveljaven niz: mora vsebovati "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Neveljaven niz: mora ustrezati vzorcu ${_issue.pattern}`;
        return `Neveljaven ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Neveljavno število: mora biti večkratnik ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Neprepoznan${issue2.keys.length > 1 ? 'i ključi' : ' ključ'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Neveljaven ključ v ${issue2.origin}`;
      case 'invalid_union':
        return 'Neveljaven vnos';
      case 'invalid_element':
        return `Neveljavna vrednost v ${issue2.origin}`;
      default:
        return 'Neveljaven vnos';
    }
  };
};
function sl_default() {
  return {
    localeError: error30(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/sv.js
var error31 = () => {
  const Sizable = {
    string: { unit: 'tecken', verb: 'att ha' },
    file: { unit: 'bytes', verb: 'att ha' },
    array: { unit: 'objekt', verb: 'att innehålla' },
    set: { unit: 'objekt', verb: 'att innehålla' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'antal';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'lista';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'reguljärt uttryck',
    email: 'e-postadress',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO-datum och tid',
    date: 'ISO-datum',
    time: 'ISO-tid',
    duration: 'ISO-varaktighet',
    ipv4: 'IPv4-intervall',
    ipv6: 'IPv6-intervall',
    cidrv4: 'IPv4-spektrum',
    cidrv6: 'IPv6-spektrum',
    base64: 'base64-kodad sträng',
    base64url: 'base64url-kodad sträng',
    json_string: 'JSON-sträng',
    e164: 'E.164-nummer',
    jwt: 'JWT',
    template_literal: 'mall-literal',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Ogiltig inmatning: förväntat ${issue2.expected}, fick ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Ogiltig inmatning: förväntat ${stringifyPrimitive(issue2.values[0])}`;
        return `Ogiltigt val: förväntade en av ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `För stor(t): förväntade ${issue2.origin ?? 'värdet'} att ha ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'element'}`;
        }
        return `För stor(t): förväntat ${issue2.origin ?? 'värdet'} att ha ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `För lite(t): förväntade ${issue2.origin ?? 'värdet'} att ha ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `För lite(t): förväntade ${issue2.origin ?? 'värdet'} att ha ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `Ogiltig sträng: måste börja med "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `Ogiltig sträng: måste sluta med "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Ogiltig sträng: måste innehålla "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Ogiltig sträng: måste matcha mönstret "${_issue.pattern}"`;
        return `Ogiltig(t) ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Ogiltigt tal: måste vara en multipel av ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `${issue2.keys.length > 1 ? 'Okända nycklar' : 'Okänd nyckel'}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Ogiltig nyckel i ${issue2.origin ?? 'värdet'}`;
      case 'invalid_union':
        return 'Ogiltig input';
      case 'invalid_element':
        return `Ogiltigt värde i ${issue2.origin ?? 'värdet'}`;
      default:
        return `Ogiltig input`;
    }
  };
};
function sv_default() {
  return {
    localeError: error31(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ta.js
var error32 = () => {
  const Sizable = {
    string: { unit: 'எழுத்துக்கள்', verb: 'கொண்டிருக்க வேண்டும்' },
    file: { unit: 'பைட்டுகள்', verb: 'கொண்டிருக்க வேண்டும்' },
    array: { unit: 'உறுப்புகள்', verb: 'கொண்டிருக்க வேண்டும்' },
    set: { unit: 'உறுப்புகள்', verb: 'கொண்டிருக்க வேண்டும்' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'எண் அல்லாதது' : 'எண்';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'அணி';
        }
        if (data === null) {
          return 'வெறுமை';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'உள்ளீடு',
    email: 'மின்னஞ்சல் முகவரி',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO தேதி நேரம்',
    date: 'ISO தேதி',
    time: 'ISO நேரம்',
    duration: 'ISO கால அளவு',
    ipv4: 'IPv4 முகவரி',
    ipv6: 'IPv6 முகவரி',
    cidrv4: 'IPv4 வரம்பு',
    cidrv6: 'IPv6 வரம்பு',
    base64: 'base64-encoded சரம்',
    base64url: 'base64url-encoded சரம்',
    json_string: 'JSON சரம்',
    e164: 'E.164 எண்',
    jwt: 'JWT',
    template_literal: 'input',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `தவறான உள்ளீடு: எதிர்பார்க்கப்பட்டது ${issue2.expected}, பெறப்பட்டது ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `தவறான உள்ளீடு: எதிர்பார்க்கப்பட்டது ${stringifyPrimitive(issue2.values[0])}`;
        return `தவறான விருப்பம்: எதிர்பார்க்கப்பட்டது ${joinValues(issue2.values, '|')} இல் ஒன்று`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `மிக பெரியது: எதிர்பார்க்கப்பட்டது ${issue2.origin ?? 'மதிப்பு'} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'உறுப்புகள்'} ஆக இருக்க வேண்டும்`;
        }
        return `மிக பெரியது: எதிர்பார்க்கப்பட்டது ${issue2.origin ?? 'மதிப்பு'} ${adj}${issue2.maximum.toString()} ஆக இருக்க வேண்டும்`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `மிகச் சிறியது: எதிர்பார்க்கப்பட்டது ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit} ஆக இருக்க வேண்டும்`;
        }
        return `மிகச் சிறியது: எதிர்பார்க்கப்பட்டது ${issue2.origin} ${adj}${issue2.minimum.toString()} ஆக இருக்க வேண்டும்`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `தவறான சரம்: "${_issue.prefix}" இல் தொடங்க வேண்டும்`;
        if (_issue.format === 'ends_with') return `தவறான சரம்: "${_issue.suffix}" இல் முடிவடைய வேண்டும்`;
        if (_issue.format === 'includes') return `தவறான சரம்: "${_issue.includes}" ஐ உள்ளடக்க வேண்டும்`;
        if (_issue.format === 'regex') return `தவறான சரம்: ${_issue.pattern} முறைபாட்டுடன் பொருந்த வேண்டும்`;
        return `தவறான ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `தவறான எண்: ${issue2.divisor} இன் பலமாக இருக்க வேண்டும்`;
      case 'unrecognized_keys':
        return `அடையாளம் தெரியாத விசை${issue2.keys.length > 1 ? 'கள்' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `${issue2.origin} இல் தவறான விசை`;
      case 'invalid_union':
        return 'தவறான உள்ளீடு';
      case 'invalid_element':
        return `${issue2.origin} இல் தவறான மதிப்பு`;
      default:
        return `தவறான உள்ளீடு`;
    }
  };
};
function ta_default() {
  return {
    localeError: error32(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/th.js
var error33 = () => {
  const Sizable = {
    string: { unit: 'ตัวอักษร', verb: 'ควรมี' },
    file: { unit: 'ไบต์', verb: 'ควรมี' },
    array: { unit: 'รายการ', verb: 'ควรมี' },
    set: { unit: 'รายการ', verb: 'ควรมี' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'ไม่ใช่ตัวเลข (NaN)' : 'ตัวเลข';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'อาร์เรย์ (Array)';
        }
        if (data === null) {
          return 'ไม่มีค่า (null)';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'ข้อมูลที่ป้อน',
    email: 'ที่อยู่อีเมล',
    url: 'URL',
    emoji: 'อิโมจิ',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'วันที่เวลาแบบ ISO',
    date: 'วันที่แบบ ISO',
    time: 'เวลาแบบ ISO',
    duration: 'ช่วงเวลาแบบ ISO',
    ipv4: 'ที่อยู่ IPv4',
    ipv6: 'ที่อยู่ IPv6',
    cidrv4: 'ช่วง IP แบบ IPv4',
    cidrv6: 'ช่วง IP แบบ IPv6',
    base64: 'ข้อความแบบ Base64',
    base64url: 'ข้อความแบบ Base64 สำหรับ URL',
    json_string: 'ข้อความแบบ JSON',
    e164: 'เบอร์โทรศัพท์ระหว่างประเทศ (E.164)',
    jwt: 'โทเคน JWT',
    template_literal: 'ข้อมูลที่ป้อน',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `ประเภทข้อมูลไม่ถูกต้อง: ควรเป็น ${issue2.expected} แต่ได้รับ ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `ค่าไม่ถูกต้อง: ควรเป็น ${stringifyPrimitive(issue2.values[0])}`;
        return `ตัวเลือกไม่ถูกต้อง: ควรเป็นหนึ่งใน ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? 'ไม่เกิน' : 'น้อยกว่า';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `เกินกำหนด: ${issue2.origin ?? 'ค่า'} ควรมี${adj} ${issue2.maximum.toString()} ${sizing.unit ?? 'รายการ'}`;
        return `เกินกำหนด: ${issue2.origin ?? 'ค่า'} ควรมี${adj} ${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? 'อย่างน้อย' : 'มากกว่า';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `น้อยกว่ากำหนด: ${issue2.origin} ควรมี${adj} ${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `น้อยกว่ากำหนด: ${issue2.origin} ควรมี${adj} ${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `รูปแบบไม่ถูกต้อง: ข้อความต้องขึ้นต้นด้วย "${_issue.prefix}"`;
        }
        if (_issue.format === 'ends_with') return `รูปแบบไม่ถูกต้อง: ข้อความต้องลงท้ายด้วย "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `รูปแบบไม่ถูกต้อง: ข้อความต้องมี "${_issue.includes}" อยู่ในข้อความ`;
        if (_issue.format === 'regex') return `รูปแบบไม่ถูกต้อง: ต้องตรงกับรูปแบบที่กำหนด ${_issue.pattern}`;
        return `รูปแบบไม่ถูกต้อง: ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `ตัวเลขไม่ถูกต้อง: ต้องเป็นจำนวนที่หารด้วย ${issue2.divisor} ได้ลงตัว`;
      case 'unrecognized_keys':
        return `พบคีย์ที่ไม่รู้จัก: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `คีย์ไม่ถูกต้องใน ${issue2.origin}`;
      case 'invalid_union':
        return 'ข้อมูลไม่ถูกต้อง: ไม่ตรงกับรูปแบบยูเนียนที่กำหนดไว้';
      case 'invalid_element':
        return `ข้อมูลไม่ถูกต้องใน ${issue2.origin}`;
      default:
        return `ข้อมูลไม่ถูกต้อง`;
    }
  };
};
function th_default() {
  return {
    localeError: error33(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/tr.js
var parsedType3 = (data) => {
  const t = typeof data;
  switch (t) {
    case 'number': {
      return Number.isNaN(data) ? 'NaN' : 'number';
    }
    case 'object': {
      if (Array.isArray(data)) {
        return 'array';
      }
      if (data === null) {
        return 'null';
      }
      if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
        return data.constructor.name;
      }
    }
  }
  return t;
};
var error34 = () => {
  const Sizable = {
    string: { unit: 'karakter', verb: 'olmalı' },
    file: { unit: 'bayt', verb: 'olmalı' },
    array: { unit: 'öğe', verb: 'olmalı' },
    set: { unit: 'öğe', verb: 'olmalı' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const Nouns = {
    regex: 'girdi',
    email: 'e-posta adresi',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO tarih ve saat',
    date: 'ISO tarih',
    time: 'ISO saat',
    duration: 'ISO süre',
    ipv4: 'IPv4 adresi',
    ipv6: 'IPv6 adresi',
    cidrv4: 'IPv4 aralığı',
    cidrv6: 'IPv6 aralığı',
    base64: 'base64 ile şifrelenmiş metin',
    base64url: 'base64url ile şifrelenmiş metin',
    json_string: 'JSON dizesi',
    e164: 'E.164 sayısı',
    jwt: 'JWT',
    template_literal: 'Şablon dizesi',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Geçersiz değer: beklenen ${issue2.expected}, alınan ${parsedType3(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Geçersiz değer: beklenen ${stringifyPrimitive(issue2.values[0])}`;
        return `Geçersiz seçenek: aşağıdakilerden biri olmalı: ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Çok büyük: beklenen ${issue2.origin ?? 'değer'} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'öğe'}`;
        return `Çok büyük: beklenen ${issue2.origin ?? 'değer'} ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) return `Çok küçük: beklenen ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        return `Çok küçük: beklenen ${issue2.origin} ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Geçersiz metin: "${_issue.prefix}" ile başlamalı`;
        if (_issue.format === 'ends_with') return `Geçersiz metin: "${_issue.suffix}" ile bitmeli`;
        if (_issue.format === 'includes') return `Geçersiz metin: "${_issue.includes}" içermeli`;
        if (_issue.format === 'regex') return `Geçersiz metin: ${_issue.pattern} desenine uymalı`;
        return `Geçersiz ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Geçersiz sayı: ${issue2.divisor} ile tam bölünebilmeli`;
      case 'unrecognized_keys':
        return `Tanınmayan anahtar${issue2.keys.length > 1 ? 'lar' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `${issue2.origin} içinde geçersiz anahtar`;
      case 'invalid_union':
        return 'Geçersiz değer';
      case 'invalid_element':
        return `${issue2.origin} içinde geçersiz değer`;
      default:
        return `Geçersiz değer`;
    }
  };
};
function tr_default() {
  return {
    localeError: error34(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ua.js
var error35 = () => {
  const Sizable = {
    string: { unit: 'символів', verb: 'матиме' },
    file: { unit: 'байтів', verb: 'матиме' },
    array: { unit: 'елементів', verb: 'матиме' },
    set: { unit: 'елементів', verb: 'матиме' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'число';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'масив';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'вхідні дані',
    email: 'адреса електронної пошти',
    url: 'URL',
    emoji: 'емодзі',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'дата та час ISO',
    date: 'дата ISO',
    time: 'час ISO',
    duration: 'тривалість ISO',
    ipv4: 'адреса IPv4',
    ipv6: 'адреса IPv6',
    cidrv4: 'діапазон IPv4',
    cidrv6: 'діапазон IPv6',
    base64: 'рядок у кодуванні base64',
    base64url: 'рядок у кодуванні base64url',
    json_string: 'рядок JSON',
    e164: 'номер E.164',
    jwt: 'JWT',
    template_literal: 'вхідні дані',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Неправильні вхідні дані: очікується ${issue2.expected}, отримано ${parsedType4(issue2.input)}`;
      // return `Неправильні вхідні дані: очікується ${issue.expected}, отримано ${util.getParsedType(issue.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1)
          return `Неправильні вхідні дані: очікується ${stringifyPrimitive(issue2.values[0])}`;
        return `Неправильна опція: очікується одне з ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Занадто велике: очікується, що ${issue2.origin ?? 'значення'} ${sizing.verb} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'елементів'}`;
        return `Занадто велике: очікується, що ${issue2.origin ?? 'значення'} буде ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Занадто мале: очікується, що ${issue2.origin} ${sizing.verb} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Занадто мале: очікується, що ${issue2.origin} буде ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Неправильний рядок: повинен починатися з "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Неправильний рядок: повинен закінчуватися на "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Неправильний рядок: повинен містити "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Неправильний рядок: повинен відповідати шаблону ${_issue.pattern}`;
        return `Неправильний ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `Неправильне число: повинно бути кратним ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Нерозпізнаний ключ${issue2.keys.length > 1 ? 'і' : ''}: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Неправильний ключ у ${issue2.origin}`;
      case 'invalid_union':
        return 'Неправильні вхідні дані';
      case 'invalid_element':
        return `Неправильне значення у ${issue2.origin}`;
      default:
        return `Неправильні вхідні дані`;
    }
  };
};
function ua_default() {
  return {
    localeError: error35(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/ur.js
var error36 = () => {
  const Sizable = {
    string: { unit: 'حروف', verb: 'ہونا' },
    file: { unit: 'بائٹس', verb: 'ہونا' },
    array: { unit: 'آئٹمز', verb: 'ہونا' },
    set: { unit: 'آئٹمز', verb: 'ہونا' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'نمبر';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'آرے';
        }
        if (data === null) {
          return 'نل';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'ان پٹ',
    email: 'ای میل ایڈریس',
    url: 'یو آر ایل',
    emoji: 'ایموجی',
    uuid: 'یو یو آئی ڈی',
    uuidv4: 'یو یو آئی ڈی وی 4',
    uuidv6: 'یو یو آئی ڈی وی 6',
    nanoid: 'نینو آئی ڈی',
    guid: 'جی یو آئی ڈی',
    cuid: 'سی یو آئی ڈی',
    cuid2: 'سی یو آئی ڈی 2',
    ulid: 'یو ایل آئی ڈی',
    xid: 'ایکس آئی ڈی',
    ksuid: 'کے ایس یو آئی ڈی',
    datetime: 'آئی ایس او ڈیٹ ٹائم',
    date: 'آئی ایس او تاریخ',
    time: 'آئی ایس او وقت',
    duration: 'آئی ایس او مدت',
    ipv4: 'آئی پی وی 4 ایڈریس',
    ipv6: 'آئی پی وی 6 ایڈریس',
    cidrv4: 'آئی پی وی 4 رینج',
    cidrv6: 'آئی پی وی 6 رینج',
    base64: 'بیس 64 ان کوڈڈ سٹرنگ',
    base64url: 'بیس 64 یو آر ایل ان کوڈڈ سٹرنگ',
    json_string: 'جے ایس او این سٹرنگ',
    e164: 'ای 164 نمبر',
    jwt: 'جے ڈبلیو ٹی',
    template_literal: 'ان پٹ',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `غلط ان پٹ: ${issue2.expected} متوقع تھا، ${parsedType4(issue2.input)} موصول ہوا`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `غلط ان پٹ: ${stringifyPrimitive(issue2.values[0])} متوقع تھا`;
        return `غلط آپشن: ${joinValues(issue2.values, '|')} میں سے ایک متوقع تھا`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `بہت بڑا: ${issue2.origin ?? 'ویلیو'} کے ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'عناصر'} ہونے متوقع تھے`;
        return `بہت بڑا: ${issue2.origin ?? 'ویلیو'} کا ${adj}${issue2.maximum.toString()} ہونا متوقع تھا`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `بہت چھوٹا: ${issue2.origin} کے ${adj}${issue2.minimum.toString()} ${sizing.unit} ہونے متوقع تھے`;
        }
        return `بہت چھوٹا: ${issue2.origin} کا ${adj}${issue2.minimum.toString()} ہونا متوقع تھا`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `غلط سٹرنگ: "${_issue.prefix}" سے شروع ہونا چاہیے`;
        }
        if (_issue.format === 'ends_with') return `غلط سٹرنگ: "${_issue.suffix}" پر ختم ہونا چاہیے`;
        if (_issue.format === 'includes') return `غلط سٹرنگ: "${_issue.includes}" شامل ہونا چاہیے`;
        if (_issue.format === 'regex') return `غلط سٹرنگ: پیٹرن ${_issue.pattern} سے میچ ہونا چاہیے`;
        return `غلط ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `غلط نمبر: ${issue2.divisor} کا مضاعف ہونا چاہیے`;
      case 'unrecognized_keys':
        return `غیر تسلیم شدہ کی${issue2.keys.length > 1 ? 'ز' : ''}: ${joinValues(issue2.keys, '، ')}`;
      case 'invalid_key':
        return `${issue2.origin} میں غلط کی`;
      case 'invalid_union':
        return 'غلط ان پٹ';
      case 'invalid_element':
        return `${issue2.origin} میں غلط ویلیو`;
      default:
        return `غلط ان پٹ`;
    }
  };
};
function ur_default() {
  return {
    localeError: error36(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/vi.js
var error37 = () => {
  const Sizable = {
    string: { unit: 'ký tự', verb: 'có' },
    file: { unit: 'byte', verb: 'có' },
    array: { unit: 'phần tử', verb: 'có' },
    set: { unit: 'phần tử', verb: 'có' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'số';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'mảng';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: 'đầu vào',
    email: 'địa chỉ email',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ngày giờ ISO',
    date: 'ngày ISO',
    time: 'giờ ISO',
    duration: 'khoảng thời gian ISO',
    ipv4: 'địa chỉ IPv4',
    ipv6: 'địa chỉ IPv6',
    cidrv4: 'dải IPv4',
    cidrv6: 'dải IPv6',
    base64: 'chuỗi mã hóa base64',
    base64url: 'chuỗi mã hóa base64url',
    json_string: 'chuỗi JSON',
    e164: 'số E.164',
    jwt: 'JWT',
    template_literal: 'đầu vào',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `Đầu vào không hợp lệ: mong đợi ${issue2.expected}, nhận được ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `Đầu vào không hợp lệ: mong đợi ${stringifyPrimitive(issue2.values[0])}`;
        return `Tùy chọn không hợp lệ: mong đợi một trong các giá trị ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Quá lớn: mong đợi ${issue2.origin ?? 'giá trị'} ${sizing.verb} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? 'phần tử'}`;
        return `Quá lớn: mong đợi ${issue2.origin ?? 'giá trị'} ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Quá nhỏ: mong đợi ${issue2.origin} ${sizing.verb} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Quá nhỏ: mong đợi ${issue2.origin} ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `Chuỗi không hợp lệ: phải bắt đầu bằng "${_issue.prefix}"`;
        if (_issue.format === 'ends_with') return `Chuỗi không hợp lệ: phải kết thúc bằng "${_issue.suffix}"`;
        if (_issue.format === 'includes') return `Chuỗi không hợp lệ: phải bao gồm "${_issue.includes}"`;
        if (_issue.format === 'regex') return `Chuỗi không hợp lệ: phải khớp với mẫu ${_issue.pattern}`;
        return `${Nouns[_issue.format] ?? issue2.format} không hợp lệ`;
      }
      case 'not_multiple_of':
        return `Số không hợp lệ: phải là bội số của ${issue2.divisor}`;
      case 'unrecognized_keys':
        return `Khóa không được nhận dạng: ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `Khóa không hợp lệ trong ${issue2.origin}`;
      case 'invalid_union':
        return 'Đầu vào không hợp lệ';
      case 'invalid_element':
        return `Giá trị không hợp lệ trong ${issue2.origin}`;
      default:
        return `Đầu vào không hợp lệ`;
    }
  };
};
function vi_default() {
  return {
    localeError: error37(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/zh-CN.js
var error38 = () => {
  const Sizable = {
    string: { unit: '字符', verb: '包含' },
    file: { unit: '字节', verb: '包含' },
    array: { unit: '项', verb: '包含' },
    set: { unit: '项', verb: '包含' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? '非数字(NaN)' : '数字';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return '数组';
        }
        if (data === null) {
          return '空值(null)';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: '输入',
    email: '电子邮件',
    url: 'URL',
    emoji: '表情符号',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO日期时间',
    date: 'ISO日期',
    time: 'ISO时间',
    duration: 'ISO时长',
    ipv4: 'IPv4地址',
    ipv6: 'IPv6地址',
    cidrv4: 'IPv4网段',
    cidrv6: 'IPv6网段',
    base64: 'base64编码字符串',
    base64url: 'base64url编码字符串',
    json_string: 'JSON字符串',
    e164: 'E.164号码',
    jwt: 'JWT',
    template_literal: '输入',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `无效输入：期望 ${issue2.expected}，实际接收 ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `无效输入：期望 ${stringifyPrimitive(issue2.values[0])}`;
        return `无效选项：期望以下之一 ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `数值过大：期望 ${issue2.origin ?? '值'} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? '个元素'}`;
        return `数值过大：期望 ${issue2.origin ?? '值'} ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `数值过小：期望 ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `数值过小：期望 ${issue2.origin} ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') return `无效字符串：必须以 "${_issue.prefix}" 开头`;
        if (_issue.format === 'ends_with') return `无效字符串：必须以 "${_issue.suffix}" 结尾`;
        if (_issue.format === 'includes') return `无效字符串：必须包含 "${_issue.includes}"`;
        if (_issue.format === 'regex') return `无效字符串：必须满足正则表达式 ${_issue.pattern}`;
        return `无效${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `无效数字：必须是 ${issue2.divisor} 的倍数`;
      case 'unrecognized_keys':
        return `出现未知的键(key): ${joinValues(issue2.keys, ', ')}`;
      case 'invalid_key':
        return `${issue2.origin} 中的键(key)无效`;
      case 'invalid_union':
        return '无效输入';
      case 'invalid_element':
        return `${issue2.origin} 中包含无效值(value)`;
      default:
        return `无效输入`;
    }
  };
};
function zh_CN_default() {
  return {
    localeError: error38(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/locales/zh-TW.js
var error39 = () => {
  const Sizable = {
    string: { unit: '字元', verb: '擁有' },
    file: { unit: '位元組', verb: '擁有' },
    array: { unit: '項目', verb: '擁有' },
    set: { unit: '項目', verb: '擁有' },
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const parsedType4 = (data) => {
    const t = typeof data;
    switch (t) {
      case 'number': {
        return Number.isNaN(data) ? 'NaN' : 'number';
      }
      case 'object': {
        if (Array.isArray(data)) {
          return 'array';
        }
        if (data === null) {
          return 'null';
        }
        if (Object.getPrototypeOf(data) !== Object.prototype && data.constructor) {
          return data.constructor.name;
        }
      }
    }
    return t;
  };
  const Nouns = {
    regex: '輸入',
    email: '郵件地址',
    url: 'URL',
    emoji: 'emoji',
    uuid: 'UUID',
    uuidv4: 'UUIDv4',
    uuidv6: 'UUIDv6',
    nanoid: 'nanoid',
    guid: 'GUID',
    cuid: 'cuid',
    cuid2: 'cuid2',
    ulid: 'ULID',
    xid: 'XID',
    ksuid: 'KSUID',
    datetime: 'ISO 日期時間',
    date: 'ISO 日期',
    time: 'ISO 時間',
    duration: 'ISO 期間',
    ipv4: 'IPv4 位址',
    ipv6: 'IPv6 位址',
    cidrv4: 'IPv4 範圍',
    cidrv6: 'IPv6 範圍',
    base64: 'base64 編碼字串',
    base64url: 'base64url 編碼字串',
    json_string: 'JSON 字串',
    e164: 'E.164 數值',
    jwt: 'JWT',
    template_literal: '輸入',
  };
  return (issue2) => {
    switch (issue2.code) {
      case 'invalid_type':
        return `無效的輸入值：預期為 ${issue2.expected}，但收到 ${parsedType4(issue2.input)}`;
      case 'invalid_value':
        if (issue2.values.length === 1) return `無效的輸入值：預期為 ${stringifyPrimitive(issue2.values[0])}`;
        return `無效的選項：預期為以下其中之一 ${joinValues(issue2.values, '|')}`;
      case 'too_big': {
        const adj = issue2.inclusive ? '<=' : '<';
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `數值過大：預期 ${issue2.origin ?? '值'} 應為 ${adj}${issue2.maximum.toString()} ${sizing.unit ?? '個元素'}`;
        return `數值過大：預期 ${issue2.origin ?? '值'} 應為 ${adj}${issue2.maximum.toString()}`;
      }
      case 'too_small': {
        const adj = issue2.inclusive ? '>=' : '>';
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `數值過小：預期 ${issue2.origin} 應為 ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `數值過小：預期 ${issue2.origin} 應為 ${adj}${issue2.minimum.toString()}`;
      }
      case 'invalid_format': {
        const _issue = issue2;
        if (_issue.format === 'starts_with') {
          return `無效的字串：必須以 "${_issue.prefix}" 開頭`;
        }
        if (_issue.format === 'ends_with') return `無效的字串：必須以 "${_issue.suffix}" 結尾`;
        if (_issue.format === 'includes') return `無效的字串：必須包含 "${_issue.includes}"`;
        if (_issue.format === 'regex') return `無效的字串：必須符合格式 ${_issue.pattern}`;
        return `無效的 ${Nouns[_issue.format] ?? issue2.format}`;
      }
      case 'not_multiple_of':
        return `無效的數字：必須為 ${issue2.divisor} 的倍數`;
      case 'unrecognized_keys':
        return `無法識別的鍵值${issue2.keys.length > 1 ? '們' : ''}：${joinValues(issue2.keys, '、')}`;
      case 'invalid_key':
        return `${issue2.origin} 中有無效的鍵值`;
      case 'invalid_union':
        return '無效的輸入值';
      case 'invalid_element':
        return `${issue2.origin} 中有無效的值`;
      default:
        return `無效的輸入值`;
    }
  };
};
function zh_TW_default() {
  return {
    localeError: error39(),
  };
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/registries.js
var $output = /* @__PURE__ */ Symbol('ZodOutput');
var $input = /* @__PURE__ */ Symbol('ZodInput');
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new Map();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta = _meta[0];
    this._map.set(schema, meta);
    if (meta && typeof meta === 'object' && 'id' in meta) {
      if (this._idmap.has(meta.id)) {
        throw new Error(`ID ${meta.id} already exists in the registry`);
      }
      this._idmap.set(meta.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new Map();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta = this._map.get(schema);
    if (meta && typeof meta === 'object' && 'id' in meta) {
      this._idmap.delete(meta.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...(this.get(p) ?? {}) };
      delete pm.id;
      return { ...pm, ...this._map.get(schema) };
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
var globalRegistry = /* @__PURE__ */ registry();

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/api.js
function _string(Class2, params) {
  return new Class2({
    type: 'string',
    ...normalizeParams(params),
  });
}
function _coercedString(Class2, params) {
  return new Class2({
    type: 'string',
    coerce: true,
    ...normalizeParams(params),
  });
}
function _email(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'email',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _guid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'guid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _uuid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'uuid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _uuidv4(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'uuid',
    check: 'string_format',
    abort: false,
    version: 'v4',
    ...normalizeParams(params),
  });
}
function _uuidv6(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'uuid',
    check: 'string_format',
    abort: false,
    version: 'v6',
    ...normalizeParams(params),
  });
}
function _uuidv7(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'uuid',
    check: 'string_format',
    abort: false,
    version: 'v7',
    ...normalizeParams(params),
  });
}
function _url(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'url',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _emoji2(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'emoji',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _nanoid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'nanoid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _cuid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'cuid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _cuid2(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'cuid2',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _ulid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'ulid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _xid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'xid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _ksuid(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'ksuid',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _ipv4(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'ipv4',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _ipv6(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'ipv6',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _cidrv4(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'cidrv4',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _cidrv6(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'cidrv6',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _base64(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'base64',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _base64url(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'base64url',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _e164(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'e164',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
function _jwt(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'jwt',
    check: 'string_format',
    abort: false,
    ...normalizeParams(params),
  });
}
var TimePrecision = {
  Any: null,
  Minute: -1,
  Second: 0,
  Millisecond: 3,
  Microsecond: 6,
};
function _isoDateTime(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'datetime',
    check: 'string_format',
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params),
  });
}
function _isoDate(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'date',
    check: 'string_format',
    ...normalizeParams(params),
  });
}
function _isoTime(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'time',
    check: 'string_format',
    precision: null,
    ...normalizeParams(params),
  });
}
function _isoDuration(Class2, params) {
  return new Class2({
    type: 'string',
    format: 'duration',
    check: 'string_format',
    ...normalizeParams(params),
  });
}
function _number(Class2, params) {
  return new Class2({
    type: 'number',
    checks: [],
    ...normalizeParams(params),
  });
}
function _coercedNumber(Class2, params) {
  return new Class2({
    type: 'number',
    coerce: true,
    checks: [],
    ...normalizeParams(params),
  });
}
function _int(Class2, params) {
  return new Class2({
    type: 'number',
    check: 'number_format',
    abort: false,
    format: 'safeint',
    ...normalizeParams(params),
  });
}
function _float32(Class2, params) {
  return new Class2({
    type: 'number',
    check: 'number_format',
    abort: false,
    format: 'float32',
    ...normalizeParams(params),
  });
}
function _float64(Class2, params) {
  return new Class2({
    type: 'number',
    check: 'number_format',
    abort: false,
    format: 'float64',
    ...normalizeParams(params),
  });
}
function _int32(Class2, params) {
  return new Class2({
    type: 'number',
    check: 'number_format',
    abort: false,
    format: 'int32',
    ...normalizeParams(params),
  });
}
function _uint32(Class2, params) {
  return new Class2({
    type: 'number',
    check: 'number_format',
    abort: false,
    format: 'uint32',
    ...normalizeParams(params),
  });
}
function _boolean(Class2, params) {
  return new Class2({
    type: 'boolean',
    ...normalizeParams(params),
  });
}
function _coercedBoolean(Class2, params) {
  return new Class2({
    type: 'boolean',
    coerce: true,
    ...normalizeParams(params),
  });
}
function _bigint(Class2, params) {
  return new Class2({
    type: 'bigint',
    ...normalizeParams(params),
  });
}
function _coercedBigint(Class2, params) {
  return new Class2({
    type: 'bigint',
    coerce: true,
    ...normalizeParams(params),
  });
}
function _int64(Class2, params) {
  return new Class2({
    type: 'bigint',
    check: 'bigint_format',
    abort: false,
    format: 'int64',
    ...normalizeParams(params),
  });
}
function _uint64(Class2, params) {
  return new Class2({
    type: 'bigint',
    check: 'bigint_format',
    abort: false,
    format: 'uint64',
    ...normalizeParams(params),
  });
}
function _symbol(Class2, params) {
  return new Class2({
    type: 'symbol',
    ...normalizeParams(params),
  });
}
function _undefined2(Class2, params) {
  return new Class2({
    type: 'undefined',
    ...normalizeParams(params),
  });
}
function _null2(Class2, params) {
  return new Class2({
    type: 'null',
    ...normalizeParams(params),
  });
}
function _any(Class2) {
  return new Class2({
    type: 'any',
  });
}
function _unknown(Class2) {
  return new Class2({
    type: 'unknown',
  });
}
function _never(Class2, params) {
  return new Class2({
    type: 'never',
    ...normalizeParams(params),
  });
}
function _void(Class2, params) {
  return new Class2({
    type: 'void',
    ...normalizeParams(params),
  });
}
function _date(Class2, params) {
  return new Class2({
    type: 'date',
    ...normalizeParams(params),
  });
}
function _coercedDate(Class2, params) {
  return new Class2({
    type: 'date',
    coerce: true,
    ...normalizeParams(params),
  });
}
function _nan(Class2, params) {
  return new Class2({
    type: 'nan',
    ...normalizeParams(params),
  });
}
function _lt(value, params) {
  return new $ZodCheckLessThan({
    check: 'less_than',
    ...normalizeParams(params),
    value,
    inclusive: false,
  });
}
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: 'less_than',
    ...normalizeParams(params),
    value,
    inclusive: true,
  });
}
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: 'greater_than',
    ...normalizeParams(params),
    value,
    inclusive: false,
  });
}
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: 'greater_than',
    ...normalizeParams(params),
    value,
    inclusive: true,
  });
}
function _positive(params) {
  return _gt(0, params);
}
function _negative(params) {
  return _lt(0, params);
}
function _nonpositive(params) {
  return _lte(0, params);
}
function _nonnegative(params) {
  return _gte(0, params);
}
function _multipleOf(value, params) {
  return new $ZodCheckMultipleOf({
    check: 'multiple_of',
    ...normalizeParams(params),
    value,
  });
}
function _maxSize(maximum, params) {
  return new $ZodCheckMaxSize({
    check: 'max_size',
    ...normalizeParams(params),
    maximum,
  });
}
function _minSize(minimum, params) {
  return new $ZodCheckMinSize({
    check: 'min_size',
    ...normalizeParams(params),
    minimum,
  });
}
function _size(size, params) {
  return new $ZodCheckSizeEquals({
    check: 'size_equals',
    ...normalizeParams(params),
    size,
  });
}
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: 'max_length',
    ...normalizeParams(params),
    maximum,
  });
  return ch;
}
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: 'min_length',
    ...normalizeParams(params),
    minimum,
  });
}
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: 'length_equals',
    ...normalizeParams(params),
    length,
  });
}
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: 'string_format',
    format: 'regex',
    ...normalizeParams(params),
    pattern,
  });
}
function _lowercase(params) {
  return new $ZodCheckLowerCase({
    check: 'string_format',
    format: 'lowercase',
    ...normalizeParams(params),
  });
}
function _uppercase(params) {
  return new $ZodCheckUpperCase({
    check: 'string_format',
    format: 'uppercase',
    ...normalizeParams(params),
  });
}
function _includes(includes, params) {
  return new $ZodCheckIncludes({
    check: 'string_format',
    format: 'includes',
    ...normalizeParams(params),
    includes,
  });
}
function _startsWith(prefix, params) {
  return new $ZodCheckStartsWith({
    check: 'string_format',
    format: 'starts_with',
    ...normalizeParams(params),
    prefix,
  });
}
function _endsWith(suffix, params) {
  return new $ZodCheckEndsWith({
    check: 'string_format',
    format: 'ends_with',
    ...normalizeParams(params),
    suffix,
  });
}
function _property(property, schema, params) {
  return new $ZodCheckProperty({
    check: 'property',
    property,
    schema,
    ...normalizeParams(params),
  });
}
function _mime(types, params) {
  return new $ZodCheckMimeType({
    check: 'mime_type',
    mime: types,
    ...normalizeParams(params),
  });
}
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: 'overwrite',
    tx,
  });
}
function _normalize(form2) {
  return _overwrite((input2) => input2.normalize(form2));
}
function _trim() {
  return _overwrite((input2) => input2.trim());
}
function _toLowerCase() {
  return _overwrite((input2) => input2.toLowerCase());
}
function _toUpperCase() {
  return _overwrite((input2) => input2.toUpperCase());
}
function _array(Class2, element, params) {
  return new Class2({
    type: 'array',
    element,
    // get element() {
    //   return element;
    // },
    ...normalizeParams(params),
  });
}
function _union(Class2, options, params) {
  return new Class2({
    type: 'union',
    options,
    ...normalizeParams(params),
  });
}
function _discriminatedUnion(Class2, discriminator, options, params) {
  return new Class2({
    type: 'union',
    options,
    discriminator,
    ...normalizeParams(params),
  });
}
function _intersection(Class2, left, right) {
  return new Class2({
    type: 'intersection',
    left,
    right,
  });
}
function _tuple(Class2, items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new Class2({
    type: 'tuple',
    items,
    rest,
    ...normalizeParams(params),
  });
}
function _record(Class2, keyType, valueType, params) {
  return new Class2({
    type: 'record',
    keyType,
    valueType,
    ...normalizeParams(params),
  });
}
function _map(Class2, keyType, valueType, params) {
  return new Class2({
    type: 'map',
    keyType,
    valueType,
    ...normalizeParams(params),
  });
}
function _set(Class2, valueType, params) {
  return new Class2({
    type: 'set',
    valueType,
    ...normalizeParams(params),
  });
}
function _enum(Class2, values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new Class2({
    type: 'enum',
    entries,
    ...normalizeParams(params),
  });
}
function _nativeEnum(Class2, entries, params) {
  return new Class2({
    type: 'enum',
    entries,
    ...normalizeParams(params),
  });
}
function _literal(Class2, value, params) {
  return new Class2({
    type: 'literal',
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params),
  });
}
function _file(Class2, params) {
  return new Class2({
    type: 'file',
    ...normalizeParams(params),
  });
}
function _transform(Class2, fn) {
  return new Class2({
    type: 'transform',
    transform: fn,
  });
}
function _optional(Class2, innerType) {
  return new Class2({
    type: 'optional',
    innerType,
  });
}
function _nullable(Class2, innerType) {
  return new Class2({
    type: 'nullable',
    innerType,
  });
}
function _default(Class2, innerType, defaultValue) {
  return new Class2({
    type: 'default',
    innerType,
    get defaultValue() {
      return typeof defaultValue === 'function' ? defaultValue() : defaultValue;
    },
  });
}
function _nonoptional(Class2, innerType, params) {
  return new Class2({
    type: 'nonoptional',
    innerType,
    ...normalizeParams(params),
  });
}
function _success(Class2, innerType) {
  return new Class2({
    type: 'success',
    innerType,
  });
}
function _catch(Class2, innerType, catchValue) {
  return new Class2({
    type: 'catch',
    innerType,
    catchValue: typeof catchValue === 'function' ? catchValue : () => catchValue,
  });
}
function _pipe(Class2, in_, out) {
  return new Class2({
    type: 'pipe',
    in: in_,
    out,
  });
}
function _readonly(Class2, innerType) {
  return new Class2({
    type: 'readonly',
    innerType,
  });
}
function _templateLiteral(Class2, parts, params) {
  return new Class2({
    type: 'template_literal',
    parts,
    ...normalizeParams(params),
  });
}
function _lazy(Class2, getter) {
  return new Class2({
    type: 'lazy',
    getter,
  });
}
function _promise(Class2, innerType) {
  return new Class2({
    type: 'promise',
    innerType,
  });
}
function _custom(Class2, fn, _params) {
  const norm = normalizeParams(_params);
  norm.abort ?? (norm.abort = true);
  const schema = new Class2({
    type: 'custom',
    check: 'custom',
    fn,
    ...norm,
  });
  return schema;
}
function _refine(Class2, fn, _params) {
  const schema = new Class2({
    type: 'custom',
    check: 'custom',
    fn,
    ...normalizeParams(_params),
  });
  return schema;
}
function _stringbool(Classes, _params) {
  const params = normalizeParams(_params);
  let truthyArray = params.truthy ?? ['true', '1', 'yes', 'on', 'y', 'enabled'];
  let falsyArray = params.falsy ?? ['false', '0', 'no', 'off', 'n', 'disabled'];
  if (params.case !== 'sensitive') {
    truthyArray = truthyArray.map((v) => (typeof v === 'string' ? v.toLowerCase() : v));
    falsyArray = falsyArray.map((v) => (typeof v === 'string' ? v.toLowerCase() : v));
  }
  const truthySet = new Set(truthyArray);
  const falsySet = new Set(falsyArray);
  const _Pipe = Classes.Pipe ?? $ZodPipe;
  const _Boolean = Classes.Boolean ?? $ZodBoolean;
  const _String = Classes.String ?? $ZodString;
  const _Transform = Classes.Transform ?? $ZodTransform;
  const tx = new _Transform({
    type: 'transform',
    transform: (input2, payload) => {
      let data = input2;
      if (params.case !== 'sensitive') data = data.toLowerCase();
      if (truthySet.has(data)) {
        return true;
      } else if (falsySet.has(data)) {
        return false;
      } else {
        payload.issues.push({
          code: 'invalid_value',
          expected: 'stringbool',
          values: [...truthySet, ...falsySet],
          input: payload.value,
          inst: tx,
        });
        return {};
      }
    },
    error: params.error,
  });
  const innerPipe = new _Pipe({
    type: 'pipe',
    in: new _String({ type: 'string', error: params.error }),
    out: tx,
    error: params.error,
  });
  const outerPipe = new _Pipe({
    type: 'pipe',
    in: innerPipe,
    out: new _Boolean({
      type: 'boolean',
      error: params.error,
    }),
    error: params.error,
  });
  return outerPipe;
}
function _stringFormat(Class2, format, fnOrRegex, _params = {}) {
  const params = normalizeParams(_params);
  const def = {
    ...normalizeParams(_params),
    check: 'string_format',
    type: 'string',
    format,
    fn: typeof fnOrRegex === 'function' ? fnOrRegex : (val) => fnOrRegex.test(val),
    ...params,
  };
  if (fnOrRegex instanceof RegExp) {
    def.pattern = fnOrRegex;
  }
  const inst = new Class2(def);
  return inst;
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/function.js
var $ZodFunction = class {
  constructor(def) {
    this._def = def;
    this.def = def;
  }
  implement(func) {
    if (typeof func !== 'function') {
      throw new Error('implement() must be called with a function');
    }
    const impl = (...args) => {
      const parsedArgs = this._def.input ? parse(this._def.input, args, void 0, { callee: impl }) : args;
      if (!Array.isArray(parsedArgs)) {
        throw new Error('Invalid arguments schema: not an array or tuple schema.');
      }
      const output = func(...parsedArgs);
      return this._def.output ? parse(this._def.output, output, void 0, { callee: impl }) : output;
    };
    return impl;
  }
  implementAsync(func) {
    if (typeof func !== 'function') {
      throw new Error('implement() must be called with a function');
    }
    const impl = async (...args) => {
      const parsedArgs = this._def.input ? await parseAsync(this._def.input, args, void 0, { callee: impl }) : args;
      if (!Array.isArray(parsedArgs)) {
        throw new Error('Invalid arguments schema: not an array or tuple schema.');
      }
      const output = await func(...parsedArgs);
      return this._def.output ? parseAsync(this._def.output, output, void 0, { callee: impl }) : output;
    };
    return impl;
  }
  input(...args) {
    const F2 = this.constructor;
    if (Array.isArray(args[0])) {
      return new F2({
        type: 'function',
        input: new $ZodTuple({
          type: 'tuple',
          items: args[0],
          rest: args[1],
        }),
        output: this._def.output,
      });
    }
    return new F2({
      type: 'function',
      input: args[0],
      output: this._def.output,
    });
  }
  output(output) {
    const F2 = this.constructor;
    return new F2({
      type: 'function',
      input: this._def.input,
      output,
    });
  }
};
function _function(params) {
  return new $ZodFunction({
    type: 'function',
    input: Array.isArray(params?.input)
      ? _tuple($ZodTuple, params?.input)
      : (params?.input ?? _array($ZodArray, _unknown($ZodUnknown))),
    output: params?.output ?? _unknown($ZodUnknown),
  });
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/to-json-schema.js
var JSONSchemaGenerator = class {
  constructor(params) {
    this.counter = 0;
    this.metadataRegistry = params?.metadata ?? globalRegistry;
    this.target = params?.target ?? 'draft-2020-12';
    this.unrepresentable = params?.unrepresentable ?? 'throw';
    this.override = params?.override ?? (() => {});
    this.io = params?.io ?? 'output';
    this.seen = /* @__PURE__ */ new Map();
  }
  process(schema, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    const formatMap = {
      guid: 'uuid',
      url: 'uri',
      datetime: 'date-time',
      json_string: 'json-string',
      regex: '',
      // do not set
    };
    const seen = this.seen.get(schema);
    if (seen) {
      seen.count++;
      const isCycle = _params.schemaPath.includes(schema);
      if (isCycle) {
        seen.cycle = _params.path;
      }
      return seen.schema;
    }
    const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
    this.seen.set(schema, result);
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
      result.schema = overrideSchema;
    } else {
      const params = {
        ..._params,
        schemaPath: [..._params.schemaPath, schema],
        path: _params.path,
      };
      const parent = schema._zod.parent;
      if (parent) {
        result.ref = parent;
        this.process(parent, params);
        this.seen.get(parent).isParent = true;
      } else {
        const _json = result.schema;
        switch (def.type) {
          case 'string': {
            const json2 = _json;
            json2.type = 'string';
            const { minimum, maximum, format, patterns, contentEncoding } = schema._zod.bag;
            if (typeof minimum === 'number') json2.minLength = minimum;
            if (typeof maximum === 'number') json2.maxLength = maximum;
            if (format) {
              json2.format = formatMap[format] ?? format;
              if (json2.format === '') delete json2.format;
            }
            if (contentEncoding) json2.contentEncoding = contentEncoding;
            if (patterns && patterns.size > 0) {
              const regexes = [...patterns];
              if (regexes.length === 1) json2.pattern = regexes[0].source;
              else if (regexes.length > 1) {
                result.schema.allOf = [
                  ...regexes.map((regex) => ({
                    ...(this.target === 'draft-7' ? { type: 'string' } : {}),
                    pattern: regex.source,
                  })),
                ];
              }
            }
            break;
          }
          case 'number': {
            const json2 = _json;
            const { minimum, maximum, format, multipleOf, exclusiveMaximum, exclusiveMinimum } = schema._zod.bag;
            if (typeof format === 'string' && format.includes('int')) json2.type = 'integer';
            else json2.type = 'number';
            if (typeof exclusiveMinimum === 'number') json2.exclusiveMinimum = exclusiveMinimum;
            if (typeof minimum === 'number') {
              json2.minimum = minimum;
              if (typeof exclusiveMinimum === 'number') {
                if (exclusiveMinimum >= minimum) delete json2.minimum;
                else delete json2.exclusiveMinimum;
              }
            }
            if (typeof exclusiveMaximum === 'number') json2.exclusiveMaximum = exclusiveMaximum;
            if (typeof maximum === 'number') {
              json2.maximum = maximum;
              if (typeof exclusiveMaximum === 'number') {
                if (exclusiveMaximum <= maximum) delete json2.maximum;
                else delete json2.exclusiveMaximum;
              }
            }
            if (typeof multipleOf === 'number') json2.multipleOf = multipleOf;
            break;
          }
          case 'boolean': {
            const json2 = _json;
            json2.type = 'boolean';
            break;
          }
          case 'bigint': {
            if (this.unrepresentable === 'throw') {
              throw new Error('BigInt cannot be represented in JSON Schema');
            }
            break;
          }
          case 'symbol': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Symbols cannot be represented in JSON Schema');
            }
            break;
          }
          case 'null': {
            _json.type = 'null';
            break;
          }
          case 'any': {
            break;
          }
          case 'unknown': {
            break;
          }
          case 'undefined': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Undefined cannot be represented in JSON Schema');
            }
            break;
          }
          case 'void': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Void cannot be represented in JSON Schema');
            }
            break;
          }
          case 'never': {
            _json.not = {};
            break;
          }
          case 'date': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Date cannot be represented in JSON Schema');
            }
            break;
          }
          case 'array': {
            const json2 = _json;
            const { minimum, maximum } = schema._zod.bag;
            if (typeof minimum === 'number') json2.minItems = minimum;
            if (typeof maximum === 'number') json2.maxItems = maximum;
            json2.type = 'array';
            json2.items = this.process(def.element, { ...params, path: [...params.path, 'items'] });
            break;
          }
          case 'object': {
            const json2 = _json;
            json2.type = 'object';
            json2.properties = {};
            const shape = def.shape;
            for (const key in shape) {
              json2.properties[key] = this.process(shape[key], {
                ...params,
                path: [...params.path, 'properties', key],
              });
            }
            const allKeys = new Set(Object.keys(shape));
            const requiredKeys = new Set(
              [...allKeys].filter((key) => {
                const v = def.shape[key]._zod;
                if (this.io === 'input') {
                  return v.optin === void 0;
                } else {
                  return v.optout === void 0;
                }
              }),
            );
            if (requiredKeys.size > 0) {
              json2.required = Array.from(requiredKeys);
            }
            if (def.catchall?._zod.def.type === 'never') {
              json2.additionalProperties = false;
            } else if (!def.catchall) {
              if (this.io === 'output') json2.additionalProperties = false;
            } else if (def.catchall) {
              json2.additionalProperties = this.process(def.catchall, {
                ...params,
                path: [...params.path, 'additionalProperties'],
              });
            }
            break;
          }
          case 'union': {
            const json2 = _json;
            json2.anyOf = def.options.map((x, i) =>
              this.process(x, {
                ...params,
                path: [...params.path, 'anyOf', i],
              }),
            );
            break;
          }
          case 'intersection': {
            const json2 = _json;
            const a = this.process(def.left, {
              ...params,
              path: [...params.path, 'allOf', 0],
            });
            const b = this.process(def.right, {
              ...params,
              path: [...params.path, 'allOf', 1],
            });
            const isSimpleIntersection = (val) => 'allOf' in val && Object.keys(val).length === 1;
            const allOf = [...(isSimpleIntersection(a) ? a.allOf : [a]), ...(isSimpleIntersection(b) ? b.allOf : [b])];
            json2.allOf = allOf;
            break;
          }
          case 'tuple': {
            const json2 = _json;
            json2.type = 'array';
            const prefixItems = def.items.map((x, i) =>
              this.process(x, { ...params, path: [...params.path, 'prefixItems', i] }),
            );
            if (this.target === 'draft-2020-12') {
              json2.prefixItems = prefixItems;
            } else {
              json2.items = prefixItems;
            }
            if (def.rest) {
              const rest = this.process(def.rest, {
                ...params,
                path: [...params.path, 'items'],
              });
              if (this.target === 'draft-2020-12') {
                json2.items = rest;
              } else {
                json2.additionalItems = rest;
              }
            }
            if (def.rest) {
              json2.items = this.process(def.rest, {
                ...params,
                path: [...params.path, 'items'],
              });
            }
            const { minimum, maximum } = schema._zod.bag;
            if (typeof minimum === 'number') json2.minItems = minimum;
            if (typeof maximum === 'number') json2.maxItems = maximum;
            break;
          }
          case 'record': {
            const json2 = _json;
            json2.type = 'object';
            json2.propertyNames = this.process(def.keyType, { ...params, path: [...params.path, 'propertyNames'] });
            json2.additionalProperties = this.process(def.valueType, {
              ...params,
              path: [...params.path, 'additionalProperties'],
            });
            break;
          }
          case 'map': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Map cannot be represented in JSON Schema');
            }
            break;
          }
          case 'set': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Set cannot be represented in JSON Schema');
            }
            break;
          }
          case 'enum': {
            const json2 = _json;
            const values = getEnumValues(def.entries);
            if (values.every((v) => typeof v === 'number')) json2.type = 'number';
            if (values.every((v) => typeof v === 'string')) json2.type = 'string';
            json2.enum = values;
            break;
          }
          case 'literal': {
            const json2 = _json;
            const vals = [];
            for (const val of def.values) {
              if (val === void 0) {
                if (this.unrepresentable === 'throw') {
                  throw new Error('Literal `undefined` cannot be represented in JSON Schema');
                } else {
                }
              } else if (typeof val === 'bigint') {
                if (this.unrepresentable === 'throw') {
                  throw new Error('BigInt literals cannot be represented in JSON Schema');
                } else {
                  vals.push(Number(val));
                }
              } else {
                vals.push(val);
              }
            }
            if (vals.length === 0) {
            } else if (vals.length === 1) {
              const val = vals[0];
              json2.type = val === null ? 'null' : typeof val;
              json2.const = val;
            } else {
              if (vals.every((v) => typeof v === 'number')) json2.type = 'number';
              if (vals.every((v) => typeof v === 'string')) json2.type = 'string';
              if (vals.every((v) => typeof v === 'boolean')) json2.type = 'string';
              if (vals.every((v) => v === null)) json2.type = 'null';
              json2.enum = vals;
            }
            break;
          }
          case 'file': {
            const json2 = _json;
            const file2 = {
              type: 'string',
              format: 'binary',
              contentEncoding: 'binary',
            };
            const { minimum, maximum, mime } = schema._zod.bag;
            if (minimum !== void 0) file2.minLength = minimum;
            if (maximum !== void 0) file2.maxLength = maximum;
            if (mime) {
              if (mime.length === 1) {
                file2.contentMediaType = mime[0];
                Object.assign(json2, file2);
              } else {
                json2.anyOf = mime.map((m) => {
                  const mFile = { ...file2, contentMediaType: m };
                  return mFile;
                });
              }
            } else {
              Object.assign(json2, file2);
            }
            break;
          }
          case 'transform': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Transforms cannot be represented in JSON Schema');
            }
            break;
          }
          case 'nullable': {
            const inner = this.process(def.innerType, params);
            _json.anyOf = [inner, { type: 'null' }];
            break;
          }
          case 'nonoptional': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            break;
          }
          case 'success': {
            const json2 = _json;
            json2.type = 'boolean';
            break;
          }
          case 'default': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            _json.default = JSON.parse(JSON.stringify(def.defaultValue));
            break;
          }
          case 'prefault': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            if (this.io === 'input') _json._prefault = JSON.parse(JSON.stringify(def.defaultValue));
            break;
          }
          case 'catch': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            let catchValue;
            try {
              catchValue = def.catchValue(void 0);
            } catch {
              throw new Error('Dynamic catch values are not supported in JSON Schema');
            }
            _json.default = catchValue;
            break;
          }
          case 'nan': {
            if (this.unrepresentable === 'throw') {
              throw new Error('NaN cannot be represented in JSON Schema');
            }
            break;
          }
          case 'template_literal': {
            const json2 = _json;
            const pattern = schema._zod.pattern;
            if (!pattern) throw new Error('Pattern not found in template literal');
            json2.type = 'string';
            json2.pattern = pattern.source;
            break;
          }
          case 'pipe': {
            const innerType = this.io === 'input' ? (def.in._zod.def.type === 'transform' ? def.out : def.in) : def.out;
            this.process(innerType, params);
            result.ref = innerType;
            break;
          }
          case 'readonly': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            _json.readOnly = true;
            break;
          }
          // passthrough types
          case 'promise': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            break;
          }
          case 'optional': {
            this.process(def.innerType, params);
            result.ref = def.innerType;
            break;
          }
          case 'lazy': {
            const innerType = schema._zod.innerType;
            this.process(innerType, params);
            result.ref = innerType;
            break;
          }
          case 'custom': {
            if (this.unrepresentable === 'throw') {
              throw new Error('Custom types cannot be represented in JSON Schema');
            }
            break;
          }
          default: {
            def;
          }
        }
      }
    }
    const meta = this.metadataRegistry.get(schema);
    if (meta) Object.assign(result.schema, meta);
    if (this.io === 'input' && isTransforming(schema)) {
      delete result.schema.examples;
      delete result.schema.default;
    }
    if (this.io === 'input' && result.schema._prefault)
      (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    const _result = this.seen.get(schema);
    return _result.schema;
  }
  emit(schema, _params) {
    const params = {
      cycles: _params?.cycles ?? 'ref',
      reused: _params?.reused ?? 'inline',
      // unrepresentable: _params?.unrepresentable ?? "throw",
      // uri: _params?.uri ?? ((id) => `${id}`),
      external: _params?.external ?? void 0,
    };
    const root = this.seen.get(schema);
    if (!root) throw new Error('Unprocessed schema. This is a bug in Zod.');
    const makeURI = (entry) => {
      const defsSegment = this.target === 'draft-2020-12' ? '$defs' : 'definitions';
      if (params.external) {
        const externalId = params.external.registry.get(entry[0])?.id;
        const uriGenerator = params.external.uri ?? ((id2) => id2);
        if (externalId) {
          return { ref: uriGenerator(externalId) };
        }
        const id = entry[1].defId ?? entry[1].schema.id ?? `schema${this.counter++}`;
        entry[1].defId = id;
        return { defId: id, ref: `${uriGenerator('__shared')}#/${defsSegment}/${id}` };
      }
      if (entry[1] === root) {
        return { ref: '#' };
      }
      const uriPrefix = `#`;
      const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
      const defId = entry[1].schema.id ?? `__schema${this.counter++}`;
      return { defId, ref: defUriPrefix + defId };
    };
    const extractToDef = (entry) => {
      if (entry[1].schema.$ref) {
        return;
      }
      const seen = entry[1];
      const { ref, defId } = makeURI(entry);
      seen.def = { ...seen.schema };
      if (defId) seen.defId = defId;
      const schema2 = seen.schema;
      for (const key in schema2) {
        delete schema2[key];
      }
      schema2.$ref = ref;
    };
    if (params.cycles === 'throw') {
      for (const entry of this.seen.entries()) {
        const seen = entry[1];
        if (seen.cycle) {
          throw new Error(`Cycle detected: #/${seen.cycle?.join('/')}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
        }
      }
    }
    for (const entry of this.seen.entries()) {
      const seen = entry[1];
      if (schema === entry[0]) {
        extractToDef(entry);
        continue;
      }
      if (params.external) {
        const ext = params.external.registry.get(entry[0])?.id;
        if (schema !== entry[0] && ext) {
          extractToDef(entry);
          continue;
        }
      }
      const id = this.metadataRegistry.get(entry[0])?.id;
      if (id) {
        extractToDef(entry);
        continue;
      }
      if (seen.cycle) {
        extractToDef(entry);
        continue;
      }
      if (seen.count > 1) {
        if (params.reused === 'ref') {
          extractToDef(entry);
        }
      }
    }
    const flattenRef = (zodSchema, params2) => {
      const seen = this.seen.get(zodSchema);
      const schema2 = seen.def ?? seen.schema;
      const _cached = { ...schema2 };
      if (seen.ref === null) {
        return;
      }
      const ref = seen.ref;
      seen.ref = null;
      if (ref) {
        flattenRef(ref, params2);
        const refSchema = this.seen.get(ref).schema;
        if (refSchema.$ref && params2.target === 'draft-7') {
          schema2.allOf = schema2.allOf ?? [];
          schema2.allOf.push(refSchema);
        } else {
          Object.assign(schema2, refSchema);
          Object.assign(schema2, _cached);
        }
      }
      if (!seen.isParent)
        this.override({
          zodSchema,
          jsonSchema: schema2,
          path: seen.path ?? [],
        });
    };
    for (const entry of [...this.seen.entries()].reverse()) {
      flattenRef(entry[0], { target: this.target });
    }
    const result = {};
    if (this.target === 'draft-2020-12') {
      result.$schema = 'https://json-schema.org/draft/2020-12/schema';
    } else if (this.target === 'draft-7') {
      result.$schema = 'http://json-schema.org/draft-07/schema#';
    } else {
      console.warn(`Invalid target: ${this.target}`);
    }
    if (params.external?.uri) {
      const id = params.external.registry.get(schema)?.id;
      if (!id) throw new Error('Schema is missing an `id` property');
      result.$id = params.external.uri(id);
    }
    Object.assign(result, root.def);
    const defs = params.external?.defs ?? {};
    for (const entry of this.seen.entries()) {
      const seen = entry[1];
      if (seen.def && seen.defId) {
        defs[seen.defId] = seen.def;
      }
    }
    if (params.external) {
    } else {
      if (Object.keys(defs).length > 0) {
        if (this.target === 'draft-2020-12') {
          result.$defs = defs;
        } else {
          result.definitions = defs;
        }
      }
    }
    try {
      return JSON.parse(JSON.stringify(result));
    } catch (_err) {
      throw new Error('Error converting schema to JSON.');
    }
  }
};
function toJSONSchema(input2, _params) {
  if (input2 instanceof $ZodRegistry) {
    const gen2 = new JSONSchemaGenerator(_params);
    const defs = {};
    for (const entry of input2._idmap.entries()) {
      const [_, schema] = entry;
      gen2.process(schema);
    }
    const schemas = {};
    const external = {
      registry: input2,
      uri: _params?.uri,
      defs,
    };
    for (const entry of input2._idmap.entries()) {
      const [key, schema] = entry;
      schemas[key] = gen2.emit(schema, {
        ..._params,
        external,
      });
    }
    if (Object.keys(defs).length > 0) {
      const defsSegment = gen2.target === 'draft-2020-12' ? '$defs' : 'definitions';
      schemas.__shared = {
        [defsSegment]: defs,
      };
    }
    return { schemas };
  }
  const gen = new JSONSchemaGenerator(_params);
  gen.process(input2);
  return gen.emit(input2, _params);
}
function isTransforming(_schema, _ctx) {
  const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
  if (ctx.seen.has(_schema)) return false;
  ctx.seen.add(_schema);
  const schema = _schema;
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'date':
    case 'symbol':
    case 'undefined':
    case 'null':
    case 'any':
    case 'unknown':
    case 'never':
    case 'void':
    case 'literal':
    case 'enum':
    case 'nan':
    case 'file':
    case 'template_literal':
      return false;
    case 'array': {
      return isTransforming(def.element, ctx);
    }
    case 'object': {
      for (const key in def.shape) {
        if (isTransforming(def.shape[key], ctx)) return true;
      }
      return false;
    }
    case 'union': {
      for (const option of def.options) {
        if (isTransforming(option, ctx)) return true;
      }
      return false;
    }
    case 'intersection': {
      return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    case 'tuple': {
      for (const item of def.items) {
        if (isTransforming(item, ctx)) return true;
      }
      if (def.rest && isTransforming(def.rest, ctx)) return true;
      return false;
    }
    case 'record': {
      return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    case 'map': {
      return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    case 'set': {
      return isTransforming(def.valueType, ctx);
    }
    // inner types
    case 'promise':
    case 'optional':
    case 'nonoptional':
    case 'nullable':
    case 'readonly':
      return isTransforming(def.innerType, ctx);
    case 'lazy':
      return isTransforming(def.getter(), ctx);
    case 'default': {
      return isTransforming(def.innerType, ctx);
    }
    case 'prefault': {
      return isTransforming(def.innerType, ctx);
    }
    case 'custom': {
      return false;
    }
    case 'transform': {
      return true;
    }
    case 'pipe': {
      return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    case 'success': {
      return false;
    }
    case 'catch': {
      return false;
    }
    default:
      def;
  }
  throw new Error(`Unknown schema type: ${def.type}`);
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/core/json-schema.js
var json_schema_exports = {};

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date2,
  datetime: () => datetime2,
  duration: () => duration2,
  time: () => time2,
});
var ZodISODateTime = /* @__PURE__ */ $constructor('ZodISODateTime', (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function datetime2(params) {
  return _isoDateTime(ZodISODateTime, params);
}
var ZodISODate = /* @__PURE__ */ $constructor('ZodISODate', (inst, def) => {
  $ZodISODate.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function date2(params) {
  return _isoDate(ZodISODate, params);
}
var ZodISOTime = /* @__PURE__ */ $constructor('ZodISOTime', (inst, def) => {
  $ZodISOTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function time2(params) {
  return _isoTime(ZodISOTime, params);
}
var ZodISODuration = /* @__PURE__ */ $constructor('ZodISODuration', (inst, def) => {
  $ZodISODuration.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function duration2(params) {
  return _isoDuration(ZodISODuration, params);
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/errors.js
var initializer2 = (inst, issues) => {
  $ZodError.init(inst, issues);
  inst.name = 'ZodError';
  Object.defineProperties(inst, {
    format: {
      value: (mapper) => formatError(inst, mapper),
      // enumerable: false,
    },
    flatten: {
      value: (mapper) => flattenError(inst, mapper),
      // enumerable: false,
    },
    addIssue: {
      value: (issue2) => inst.issues.push(issue2),
      // enumerable: false,
    },
    addIssues: {
      value: (issues2) => inst.issues.push(...issues2),
      // enumerable: false,
    },
    isEmpty: {
      get() {
        return inst.issues.length === 0;
      },
      // enumerable: false,
    },
  });
};
var ZodError = $constructor('ZodError', initializer2);
var ZodRealError = $constructor('ZodError', initializer2, {
  Parent: Error,
});

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/parse.js
var parse2 = /* @__PURE__ */ _parse(ZodRealError);
var parseAsync2 = /* @__PURE__ */ _parseAsync(ZodRealError);
var safeParse2 = /* @__PURE__ */ _safeParse(ZodRealError);
var safeParseAsync2 = /* @__PURE__ */ _safeParseAsync(ZodRealError);

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/schemas.js
var ZodType = /* @__PURE__ */ $constructor('ZodType', (inst, def) => {
  $ZodType.init(inst, def);
  inst.def = def;
  Object.defineProperty(inst, '_def', { value: def });
  inst.check = (...checks) => {
    return inst.clone(
      {
        ...def,
        checks: [
          ...(def.checks ?? []),
          ...checks.map((ch) =>
            typeof ch === 'function' ? { _zod: { check: ch, def: { check: 'custom' }, onattach: [] } } : ch,
          ),
        ],
      },
      // { parent: true }
    );
  };
  inst.clone = (def2, params) => clone(inst, def2, params);
  inst.brand = () => inst;
  inst.register = (reg, meta) => {
    reg.add(inst, meta);
    return inst;
  };
  inst.parse = (data, params) => parse2(inst, data, params, { callee: inst.parse });
  inst.safeParse = (data, params) => safeParse2(inst, data, params);
  inst.parseAsync = async (data, params) => parseAsync2(inst, data, params, { callee: inst.parseAsync });
  inst.safeParseAsync = async (data, params) => safeParseAsync2(inst, data, params);
  inst.spa = inst.safeParseAsync;
  inst.refine = (check2, params) => inst.check(refine(check2, params));
  inst.superRefine = (refinement) => inst.check(superRefine(refinement));
  inst.overwrite = (fn) => inst.check(_overwrite(fn));
  inst.optional = () => optional(inst);
  inst.nullable = () => nullable(inst);
  inst.nullish = () => optional(nullable(inst));
  inst.nonoptional = (params) => nonoptional(inst, params);
  inst.array = () => array(inst);
  inst.or = (arg) => union([inst, arg]);
  inst.and = (arg) => intersection(inst, arg);
  inst.transform = (tx) => pipe2(inst, transform(tx));
  inst.default = (def2) => _default2(inst, def2);
  inst.prefault = (def2) => prefault(inst, def2);
  inst.catch = (params) => _catch2(inst, params);
  inst.pipe = (target) => pipe2(inst, target);
  inst.readonly = () => readonly(inst);
  inst.describe = (description) => {
    const cl = inst.clone();
    globalRegistry.add(cl, { description });
    return cl;
  };
  Object.defineProperty(inst, 'description', {
    get() {
      return globalRegistry.get(inst)?.description;
    },
    configurable: true,
  });
  inst.meta = (...args) => {
    if (args.length === 0) {
      return globalRegistry.get(inst);
    }
    const cl = inst.clone();
    globalRegistry.add(cl, args[0]);
    return cl;
  };
  inst.isOptional = () => inst.safeParse(void 0).success;
  inst.isNullable = () => inst.safeParse(null).success;
  return inst;
});
var _ZodString = /* @__PURE__ */ $constructor('_ZodString', (inst, def) => {
  $ZodString.init(inst, def);
  ZodType.init(inst, def);
  const bag = inst._zod.bag;
  inst.format = bag.format ?? null;
  inst.minLength = bag.minimum ?? null;
  inst.maxLength = bag.maximum ?? null;
  inst.regex = (...args) => inst.check(_regex(...args));
  inst.includes = (...args) => inst.check(_includes(...args));
  inst.startsWith = (...args) => inst.check(_startsWith(...args));
  inst.endsWith = (...args) => inst.check(_endsWith(...args));
  inst.min = (...args) => inst.check(_minLength(...args));
  inst.max = (...args) => inst.check(_maxLength(...args));
  inst.length = (...args) => inst.check(_length(...args));
  inst.nonempty = (...args) => inst.check(_minLength(1, ...args));
  inst.lowercase = (params) => inst.check(_lowercase(params));
  inst.uppercase = (params) => inst.check(_uppercase(params));
  inst.trim = () => inst.check(_trim());
  inst.normalize = (...args) => inst.check(_normalize(...args));
  inst.toLowerCase = () => inst.check(_toLowerCase());
  inst.toUpperCase = () => inst.check(_toUpperCase());
});
var ZodString = /* @__PURE__ */ $constructor('ZodString', (inst, def) => {
  $ZodString.init(inst, def);
  _ZodString.init(inst, def);
  inst.email = (params) => inst.check(_email(ZodEmail, params));
  inst.url = (params) => inst.check(_url(ZodURL, params));
  inst.jwt = (params) => inst.check(_jwt(ZodJWT, params));
  inst.emoji = (params) => inst.check(_emoji2(ZodEmoji, params));
  inst.guid = (params) => inst.check(_guid(ZodGUID, params));
  inst.uuid = (params) => inst.check(_uuid(ZodUUID, params));
  inst.uuidv4 = (params) => inst.check(_uuidv4(ZodUUID, params));
  inst.uuidv6 = (params) => inst.check(_uuidv6(ZodUUID, params));
  inst.uuidv7 = (params) => inst.check(_uuidv7(ZodUUID, params));
  inst.nanoid = (params) => inst.check(_nanoid(ZodNanoID, params));
  inst.guid = (params) => inst.check(_guid(ZodGUID, params));
  inst.cuid = (params) => inst.check(_cuid(ZodCUID, params));
  inst.cuid2 = (params) => inst.check(_cuid2(ZodCUID2, params));
  inst.ulid = (params) => inst.check(_ulid(ZodULID, params));
  inst.base64 = (params) => inst.check(_base64(ZodBase64, params));
  inst.base64url = (params) => inst.check(_base64url(ZodBase64URL, params));
  inst.xid = (params) => inst.check(_xid(ZodXID, params));
  inst.ksuid = (params) => inst.check(_ksuid(ZodKSUID, params));
  inst.ipv4 = (params) => inst.check(_ipv4(ZodIPv4, params));
  inst.ipv6 = (params) => inst.check(_ipv6(ZodIPv6, params));
  inst.cidrv4 = (params) => inst.check(_cidrv4(ZodCIDRv4, params));
  inst.cidrv6 = (params) => inst.check(_cidrv6(ZodCIDRv6, params));
  inst.e164 = (params) => inst.check(_e164(ZodE164, params));
  inst.datetime = (params) => inst.check(datetime2(params));
  inst.date = (params) => inst.check(date2(params));
  inst.time = (params) => inst.check(time2(params));
  inst.duration = (params) => inst.check(duration2(params));
});
function string2(params) {
  return _string(ZodString, params);
}
var ZodStringFormat = /* @__PURE__ */ $constructor('ZodStringFormat', (inst, def) => {
  $ZodStringFormat.init(inst, def);
  _ZodString.init(inst, def);
});
var ZodEmail = /* @__PURE__ */ $constructor('ZodEmail', (inst, def) => {
  $ZodEmail.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function email2(params) {
  return _email(ZodEmail, params);
}
var ZodGUID = /* @__PURE__ */ $constructor('ZodGUID', (inst, def) => {
  $ZodGUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function guid2(params) {
  return _guid(ZodGUID, params);
}
var ZodUUID = /* @__PURE__ */ $constructor('ZodUUID', (inst, def) => {
  $ZodUUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function uuid2(params) {
  return _uuid(ZodUUID, params);
}
function uuidv4(params) {
  return _uuidv4(ZodUUID, params);
}
function uuidv6(params) {
  return _uuidv6(ZodUUID, params);
}
function uuidv7(params) {
  return _uuidv7(ZodUUID, params);
}
var ZodURL = /* @__PURE__ */ $constructor('ZodURL', (inst, def) => {
  $ZodURL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function url(params) {
  return _url(ZodURL, params);
}
var ZodEmoji = /* @__PURE__ */ $constructor('ZodEmoji', (inst, def) => {
  $ZodEmoji.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function emoji2(params) {
  return _emoji2(ZodEmoji, params);
}
var ZodNanoID = /* @__PURE__ */ $constructor('ZodNanoID', (inst, def) => {
  $ZodNanoID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function nanoid2(params) {
  return _nanoid(ZodNanoID, params);
}
var ZodCUID = /* @__PURE__ */ $constructor('ZodCUID', (inst, def) => {
  $ZodCUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cuid3(params) {
  return _cuid(ZodCUID, params);
}
var ZodCUID2 = /* @__PURE__ */ $constructor('ZodCUID2', (inst, def) => {
  $ZodCUID2.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cuid22(params) {
  return _cuid2(ZodCUID2, params);
}
var ZodULID = /* @__PURE__ */ $constructor('ZodULID', (inst, def) => {
  $ZodULID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ulid2(params) {
  return _ulid(ZodULID, params);
}
var ZodXID = /* @__PURE__ */ $constructor('ZodXID', (inst, def) => {
  $ZodXID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function xid2(params) {
  return _xid(ZodXID, params);
}
var ZodKSUID = /* @__PURE__ */ $constructor('ZodKSUID', (inst, def) => {
  $ZodKSUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ksuid2(params) {
  return _ksuid(ZodKSUID, params);
}
var ZodIPv4 = /* @__PURE__ */ $constructor('ZodIPv4', (inst, def) => {
  $ZodIPv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ipv42(params) {
  return _ipv4(ZodIPv4, params);
}
var ZodIPv6 = /* @__PURE__ */ $constructor('ZodIPv6', (inst, def) => {
  $ZodIPv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function ipv62(params) {
  return _ipv6(ZodIPv6, params);
}
var ZodCIDRv4 = /* @__PURE__ */ $constructor('ZodCIDRv4', (inst, def) => {
  $ZodCIDRv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cidrv42(params) {
  return _cidrv4(ZodCIDRv4, params);
}
var ZodCIDRv6 = /* @__PURE__ */ $constructor('ZodCIDRv6', (inst, def) => {
  $ZodCIDRv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function cidrv62(params) {
  return _cidrv6(ZodCIDRv6, params);
}
var ZodBase64 = /* @__PURE__ */ $constructor('ZodBase64', (inst, def) => {
  $ZodBase64.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function base642(params) {
  return _base64(ZodBase64, params);
}
var ZodBase64URL = /* @__PURE__ */ $constructor('ZodBase64URL', (inst, def) => {
  $ZodBase64URL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function base64url2(params) {
  return _base64url(ZodBase64URL, params);
}
var ZodE164 = /* @__PURE__ */ $constructor('ZodE164', (inst, def) => {
  $ZodE164.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function e1642(params) {
  return _e164(ZodE164, params);
}
var ZodJWT = /* @__PURE__ */ $constructor('ZodJWT', (inst, def) => {
  $ZodJWT.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function jwt(params) {
  return _jwt(ZodJWT, params);
}
var ZodCustomStringFormat = /* @__PURE__ */ $constructor('ZodCustomStringFormat', (inst, def) => {
  $ZodCustomStringFormat.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function stringFormat(format, fnOrRegex, _params = {}) {
  return _stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
var ZodNumber = /* @__PURE__ */ $constructor('ZodNumber', (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodType.init(inst, def);
  inst.gt = (value, params) => inst.check(_gt(value, params));
  inst.gte = (value, params) => inst.check(_gte(value, params));
  inst.min = (value, params) => inst.check(_gte(value, params));
  inst.lt = (value, params) => inst.check(_lt(value, params));
  inst.lte = (value, params) => inst.check(_lte(value, params));
  inst.max = (value, params) => inst.check(_lte(value, params));
  inst.int = (params) => inst.check(int(params));
  inst.safe = (params) => inst.check(int(params));
  inst.positive = (params) => inst.check(_gt(0, params));
  inst.nonnegative = (params) => inst.check(_gte(0, params));
  inst.negative = (params) => inst.check(_lt(0, params));
  inst.nonpositive = (params) => inst.check(_lte(0, params));
  inst.multipleOf = (value, params) => inst.check(_multipleOf(value, params));
  inst.step = (value, params) => inst.check(_multipleOf(value, params));
  inst.finite = () => inst;
  const bag = inst._zod.bag;
  inst.minValue =
    Math.max(bag.minimum ?? Number.NEGATIVE_INFINITY, bag.exclusiveMinimum ?? Number.NEGATIVE_INFINITY) ?? null;
  inst.maxValue =
    Math.min(bag.maximum ?? Number.POSITIVE_INFINITY, bag.exclusiveMaximum ?? Number.POSITIVE_INFINITY) ?? null;
  inst.isInt = (bag.format ?? '').includes('int') || Number.isSafeInteger(bag.multipleOf ?? 0.5);
  inst.isFinite = true;
  inst.format = bag.format ?? null;
});
function number2(params) {
  return _number(ZodNumber, params);
}
var ZodNumberFormat = /* @__PURE__ */ $constructor('ZodNumberFormat', (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodNumber.init(inst, def);
});
function int(params) {
  return _int(ZodNumberFormat, params);
}
function float32(params) {
  return _float32(ZodNumberFormat, params);
}
function float64(params) {
  return _float64(ZodNumberFormat, params);
}
function int32(params) {
  return _int32(ZodNumberFormat, params);
}
function uint32(params) {
  return _uint32(ZodNumberFormat, params);
}
var ZodBoolean = /* @__PURE__ */ $constructor('ZodBoolean', (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodType.init(inst, def);
});
function boolean2(params) {
  return _boolean(ZodBoolean, params);
}
var ZodBigInt = /* @__PURE__ */ $constructor('ZodBigInt', (inst, def) => {
  $ZodBigInt.init(inst, def);
  ZodType.init(inst, def);
  inst.gte = (value, params) => inst.check(_gte(value, params));
  inst.min = (value, params) => inst.check(_gte(value, params));
  inst.gt = (value, params) => inst.check(_gt(value, params));
  inst.gte = (value, params) => inst.check(_gte(value, params));
  inst.min = (value, params) => inst.check(_gte(value, params));
  inst.lt = (value, params) => inst.check(_lt(value, params));
  inst.lte = (value, params) => inst.check(_lte(value, params));
  inst.max = (value, params) => inst.check(_lte(value, params));
  inst.positive = (params) => inst.check(_gt(BigInt(0), params));
  inst.negative = (params) => inst.check(_lt(BigInt(0), params));
  inst.nonpositive = (params) => inst.check(_lte(BigInt(0), params));
  inst.nonnegative = (params) => inst.check(_gte(BigInt(0), params));
  inst.multipleOf = (value, params) => inst.check(_multipleOf(value, params));
  const bag = inst._zod.bag;
  inst.minValue = bag.minimum ?? null;
  inst.maxValue = bag.maximum ?? null;
  inst.format = bag.format ?? null;
});
function bigint2(params) {
  return _bigint(ZodBigInt, params);
}
var ZodBigIntFormat = /* @__PURE__ */ $constructor('ZodBigIntFormat', (inst, def) => {
  $ZodBigIntFormat.init(inst, def);
  ZodBigInt.init(inst, def);
});
function int64(params) {
  return _int64(ZodBigIntFormat, params);
}
function uint64(params) {
  return _uint64(ZodBigIntFormat, params);
}
var ZodSymbol = /* @__PURE__ */ $constructor('ZodSymbol', (inst, def) => {
  $ZodSymbol.init(inst, def);
  ZodType.init(inst, def);
});
function symbol(params) {
  return _symbol(ZodSymbol, params);
}
var ZodUndefined = /* @__PURE__ */ $constructor('ZodUndefined', (inst, def) => {
  $ZodUndefined.init(inst, def);
  ZodType.init(inst, def);
});
function _undefined3(params) {
  return _undefined2(ZodUndefined, params);
}
var ZodNull = /* @__PURE__ */ $constructor('ZodNull', (inst, def) => {
  $ZodNull.init(inst, def);
  ZodType.init(inst, def);
});
function _null3(params) {
  return _null2(ZodNull, params);
}
var ZodAny = /* @__PURE__ */ $constructor('ZodAny', (inst, def) => {
  $ZodAny.init(inst, def);
  ZodType.init(inst, def);
});
function any() {
  return _any(ZodAny);
}
var ZodUnknown = /* @__PURE__ */ $constructor('ZodUnknown', (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodType.init(inst, def);
});
function unknown() {
  return _unknown(ZodUnknown);
}
var ZodNever = /* @__PURE__ */ $constructor('ZodNever', (inst, def) => {
  $ZodNever.init(inst, def);
  ZodType.init(inst, def);
});
function never(params) {
  return _never(ZodNever, params);
}
var ZodVoid = /* @__PURE__ */ $constructor('ZodVoid', (inst, def) => {
  $ZodVoid.init(inst, def);
  ZodType.init(inst, def);
});
function _void2(params) {
  return _void(ZodVoid, params);
}
var ZodDate = /* @__PURE__ */ $constructor('ZodDate', (inst, def) => {
  $ZodDate.init(inst, def);
  ZodType.init(inst, def);
  inst.min = (value, params) => inst.check(_gte(value, params));
  inst.max = (value, params) => inst.check(_lte(value, params));
  const c = inst._zod.bag;
  inst.minDate = c.minimum ? new Date(c.minimum) : null;
  inst.maxDate = c.maximum ? new Date(c.maximum) : null;
});
function date3(params) {
  return _date(ZodDate, params);
}
var ZodArray = /* @__PURE__ */ $constructor('ZodArray', (inst, def) => {
  $ZodArray.init(inst, def);
  ZodType.init(inst, def);
  inst.element = def.element;
  inst.min = (minLength, params) => inst.check(_minLength(minLength, params));
  inst.nonempty = (params) => inst.check(_minLength(1, params));
  inst.max = (maxLength, params) => inst.check(_maxLength(maxLength, params));
  inst.length = (len, params) => inst.check(_length(len, params));
  inst.unwrap = () => inst.element;
});
function array(element, params) {
  return _array(ZodArray, element, params);
}
function keyof(schema) {
  const shape = schema._zod.def.shape;
  return literal(Object.keys(shape));
}
var ZodObject = /* @__PURE__ */ $constructor('ZodObject', (inst, def) => {
  $ZodObject.init(inst, def);
  ZodType.init(inst, def);
  util_exports.defineLazy(inst, 'shape', () => def.shape);
  inst.keyof = () => _enum2(Object.keys(inst._zod.def.shape));
  inst.catchall = (catchall) => inst.clone({ ...inst._zod.def, catchall });
  inst.passthrough = () => inst.clone({ ...inst._zod.def, catchall: unknown() });
  inst.loose = () => inst.clone({ ...inst._zod.def, catchall: unknown() });
  inst.strict = () => inst.clone({ ...inst._zod.def, catchall: never() });
  inst.strip = () => inst.clone({ ...inst._zod.def, catchall: void 0 });
  inst.extend = (incoming) => {
    return util_exports.extend(inst, incoming);
  };
  inst.merge = (other) => util_exports.merge(inst, other);
  inst.pick = (mask) => util_exports.pick(inst, mask);
  inst.omit = (mask) => util_exports.omit(inst, mask);
  inst.partial = (...args) => util_exports.partial(ZodOptional, inst, args[0]);
  inst.required = (...args) => util_exports.required(ZodNonOptional, inst, args[0]);
});
function object(shape, params) {
  const def = {
    type: 'object',
    get shape() {
      util_exports.assignProp(this, 'shape', { ...shape });
      return this.shape;
    },
    ...util_exports.normalizeParams(params),
  };
  return new ZodObject(def);
}
function strictObject(shape, params) {
  return new ZodObject({
    type: 'object',
    get shape() {
      util_exports.assignProp(this, 'shape', { ...shape });
      return this.shape;
    },
    catchall: never(),
    ...util_exports.normalizeParams(params),
  });
}
function looseObject(shape, params) {
  return new ZodObject({
    type: 'object',
    get shape() {
      util_exports.assignProp(this, 'shape', { ...shape });
      return this.shape;
    },
    catchall: unknown(),
    ...util_exports.normalizeParams(params),
  });
}
var ZodUnion = /* @__PURE__ */ $constructor('ZodUnion', (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodType.init(inst, def);
  inst.options = def.options;
});
function union(options, params) {
  return new ZodUnion({
    type: 'union',
    options,
    ...util_exports.normalizeParams(params),
  });
}
var ZodDiscriminatedUnion = /* @__PURE__ */ $constructor('ZodDiscriminatedUnion', (inst, def) => {
  ZodUnion.init(inst, def);
  $ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion(discriminator, options, params) {
  return new ZodDiscriminatedUnion({
    type: 'union',
    options,
    discriminator,
    ...util_exports.normalizeParams(params),
  });
}
var ZodIntersection = /* @__PURE__ */ $constructor('ZodIntersection', (inst, def) => {
  $ZodIntersection.init(inst, def);
  ZodType.init(inst, def);
});
function intersection(left, right) {
  return new ZodIntersection({
    type: 'intersection',
    left,
    right,
  });
}
var ZodTuple = /* @__PURE__ */ $constructor('ZodTuple', (inst, def) => {
  $ZodTuple.init(inst, def);
  ZodType.init(inst, def);
  inst.rest = (rest) =>
    inst.clone({
      ...inst._zod.def,
      rest,
    });
});
function tuple(items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new ZodTuple({
    type: 'tuple',
    items,
    rest,
    ...util_exports.normalizeParams(params),
  });
}
var ZodRecord = /* @__PURE__ */ $constructor('ZodRecord', (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodType.init(inst, def);
  inst.keyType = def.keyType;
  inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
  return new ZodRecord({
    type: 'record',
    keyType,
    valueType,
    ...util_exports.normalizeParams(params),
  });
}
function partialRecord(keyType, valueType, params) {
  return new ZodRecord({
    type: 'record',
    keyType: union([keyType, never()]),
    valueType,
    ...util_exports.normalizeParams(params),
  });
}
var ZodMap = /* @__PURE__ */ $constructor('ZodMap', (inst, def) => {
  $ZodMap.init(inst, def);
  ZodType.init(inst, def);
  inst.keyType = def.keyType;
  inst.valueType = def.valueType;
});
function map2(keyType, valueType, params) {
  return new ZodMap({
    type: 'map',
    keyType,
    valueType,
    ...util_exports.normalizeParams(params),
  });
}
var ZodSet = /* @__PURE__ */ $constructor('ZodSet', (inst, def) => {
  $ZodSet.init(inst, def);
  ZodType.init(inst, def);
  inst.min = (...args) => inst.check(_minSize(...args));
  inst.nonempty = (params) => inst.check(_minSize(1, params));
  inst.max = (...args) => inst.check(_maxSize(...args));
  inst.size = (...args) => inst.check(_size(...args));
});
function set(valueType, params) {
  return new ZodSet({
    type: 'set',
    valueType,
    ...util_exports.normalizeParams(params),
  });
}
var ZodEnum = /* @__PURE__ */ $constructor('ZodEnum', (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodType.init(inst, def);
  inst.enum = def.entries;
  inst.options = Object.values(def.entries);
  const keys = new Set(Object.keys(def.entries));
  inst.extract = (values, params) => {
    const newEntries = {};
    for (const value of values) {
      if (keys.has(value)) {
        newEntries[value] = def.entries[value];
      } else throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries,
    });
  };
  inst.exclude = (values, params) => {
    const newEntries = { ...def.entries };
    for (const value of values) {
      if (keys.has(value)) {
        delete newEntries[value];
      } else throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries,
    });
  };
});
function _enum2(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodEnum({
    type: 'enum',
    entries,
    ...util_exports.normalizeParams(params),
  });
}
function nativeEnum(entries, params) {
  return new ZodEnum({
    type: 'enum',
    entries,
    ...util_exports.normalizeParams(params),
  });
}
var ZodLiteral = /* @__PURE__ */ $constructor('ZodLiteral', (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodType.init(inst, def);
  inst.values = new Set(def.values);
  Object.defineProperty(inst, 'value', {
    get() {
      if (def.values.length > 1) {
        throw new Error('This schema contains multiple valid literal values. Use `.values` instead.');
      }
      return def.values[0];
    },
  });
});
function literal(value, params) {
  return new ZodLiteral({
    type: 'literal',
    values: Array.isArray(value) ? value : [value],
    ...util_exports.normalizeParams(params),
  });
}
var ZodFile = /* @__PURE__ */ $constructor('ZodFile', (inst, def) => {
  $ZodFile.init(inst, def);
  ZodType.init(inst, def);
  inst.min = (size, params) => inst.check(_minSize(size, params));
  inst.max = (size, params) => inst.check(_maxSize(size, params));
  inst.mime = (types, params) => inst.check(_mime(Array.isArray(types) ? types : [types], params));
});
function file(params) {
  return _file(ZodFile, params);
}
var ZodTransform = /* @__PURE__ */ $constructor('ZodTransform', (inst, def) => {
  $ZodTransform.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === 'string') {
        payload.issues.push(util_exports.issue(issue2, payload.value, def));
      } else {
        const _issue = issue2;
        if (_issue.fatal) _issue.continue = false;
        _issue.code ?? (_issue.code = 'custom');
        _issue.input ?? (_issue.input = payload.value);
        _issue.inst ?? (_issue.inst = inst);
        _issue.continue ?? (_issue.continue = true);
        payload.issues.push(util_exports.issue(_issue));
      }
    };
    const output = def.transform(payload.value, payload);
    if (output instanceof Promise) {
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    payload.value = output;
    return payload;
  };
});
function transform(fn) {
  return new ZodTransform({
    type: 'transform',
    transform: fn,
  });
}
var ZodOptional = /* @__PURE__ */ $constructor('ZodOptional', (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
  return new ZodOptional({
    type: 'optional',
    innerType,
  });
}
var ZodNullable = /* @__PURE__ */ $constructor('ZodNullable', (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
  return new ZodNullable({
    type: 'nullable',
    innerType,
  });
}
function nullish2(innerType) {
  return optional(nullable(innerType));
}
var ZodDefault = /* @__PURE__ */ $constructor('ZodDefault', (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeDefault = inst.unwrap;
});
function _default2(innerType, defaultValue) {
  return new ZodDefault({
    type: 'default',
    innerType,
    get defaultValue() {
      return typeof defaultValue === 'function' ? defaultValue() : defaultValue;
    },
  });
}
var ZodPrefault = /* @__PURE__ */ $constructor('ZodPrefault', (inst, def) => {
  $ZodPrefault.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
  return new ZodPrefault({
    type: 'prefault',
    innerType,
    get defaultValue() {
      return typeof defaultValue === 'function' ? defaultValue() : defaultValue;
    },
  });
}
var ZodNonOptional = /* @__PURE__ */ $constructor('ZodNonOptional', (inst, def) => {
  $ZodNonOptional.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
  return new ZodNonOptional({
    type: 'nonoptional',
    innerType,
    ...util_exports.normalizeParams(params),
  });
}
var ZodSuccess = /* @__PURE__ */ $constructor('ZodSuccess', (inst, def) => {
  $ZodSuccess.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
});
function success(innerType) {
  return new ZodSuccess({
    type: 'success',
    innerType,
  });
}
var ZodCatch = /* @__PURE__ */ $constructor('ZodCatch', (inst, def) => {
  $ZodCatch.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeCatch = inst.unwrap;
});
function _catch2(innerType, catchValue) {
  return new ZodCatch({
    type: 'catch',
    innerType,
    catchValue: typeof catchValue === 'function' ? catchValue : () => catchValue,
  });
}
var ZodNaN = /* @__PURE__ */ $constructor('ZodNaN', (inst, def) => {
  $ZodNaN.init(inst, def);
  ZodType.init(inst, def);
});
function nan(params) {
  return _nan(ZodNaN, params);
}
var ZodPipe = /* @__PURE__ */ $constructor('ZodPipe', (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodType.init(inst, def);
  inst.in = def.in;
  inst.out = def.out;
});
function pipe2(in_, out) {
  return new ZodPipe({
    type: 'pipe',
    in: in_,
    out,
    // ...util.normalizeParams(params),
  });
}
var ZodReadonly = /* @__PURE__ */ $constructor('ZodReadonly', (inst, def) => {
  $ZodReadonly.init(inst, def);
  ZodType.init(inst, def);
});
function readonly(innerType) {
  return new ZodReadonly({
    type: 'readonly',
    innerType,
  });
}
var ZodTemplateLiteral = /* @__PURE__ */ $constructor('ZodTemplateLiteral', (inst, def) => {
  $ZodTemplateLiteral.init(inst, def);
  ZodType.init(inst, def);
});
function templateLiteral(parts, params) {
  return new ZodTemplateLiteral({
    type: 'template_literal',
    parts,
    ...util_exports.normalizeParams(params),
  });
}
var ZodLazy = /* @__PURE__ */ $constructor('ZodLazy', (inst, def) => {
  $ZodLazy.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.getter();
});
function lazy(getter) {
  return new ZodLazy({
    type: 'lazy',
    getter,
  });
}
var ZodPromise = /* @__PURE__ */ $constructor('ZodPromise', (inst, def) => {
  $ZodPromise.init(inst, def);
  ZodType.init(inst, def);
  inst.unwrap = () => inst._zod.def.innerType;
});
function promise(innerType) {
  return new ZodPromise({
    type: 'promise',
    innerType,
  });
}
var ZodCustom = /* @__PURE__ */ $constructor('ZodCustom', (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodType.init(inst, def);
});
function check(fn) {
  const ch = new $ZodCheck({
    check: 'custom',
    // ...util.normalizeParams(params),
  });
  ch._zod.check = fn;
  return ch;
}
function custom(fn, _params) {
  return _custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
  return _refine(ZodCustom, fn, _params);
}
function superRefine(fn) {
  const ch = check((payload) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === 'string') {
        payload.issues.push(util_exports.issue(issue2, payload.value, ch._zod.def));
      } else {
        const _issue = issue2;
        if (_issue.fatal) _issue.continue = false;
        _issue.code ?? (_issue.code = 'custom');
        _issue.input ?? (_issue.input = payload.value);
        _issue.inst ?? (_issue.inst = ch);
        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
        payload.issues.push(util_exports.issue(_issue));
      }
    };
    return fn(payload.value, payload);
  });
  return ch;
}
function _instanceof(
  cls,
  params = {
    error: `Input not instance of ${cls.name}`,
  },
) {
  const inst = new ZodCustom({
    type: 'custom',
    check: 'custom',
    fn: (data) => data instanceof cls,
    abort: true,
    ...util_exports.normalizeParams(params),
  });
  inst._zod.bag.Class = cls;
  return inst;
}
var stringbool = (...args) =>
  _stringbool(
    {
      Pipe: ZodPipe,
      Boolean: ZodBoolean,
      String: ZodString,
      Transform: ZodTransform,
    },
    ...args,
  );
function json(params) {
  const jsonSchema = lazy(() => {
    return union([string2(params), number2(), boolean2(), _null3(), array(jsonSchema), record(string2(), jsonSchema)]);
  });
  return jsonSchema;
}
function preprocess(fn, schema) {
  return pipe2(transform(fn), schema);
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/compat.js
var ZodIssueCode = {
  invalid_type: 'invalid_type',
  too_big: 'too_big',
  too_small: 'too_small',
  invalid_format: 'invalid_format',
  not_multiple_of: 'not_multiple_of',
  unrecognized_keys: 'unrecognized_keys',
  invalid_union: 'invalid_union',
  invalid_key: 'invalid_key',
  invalid_element: 'invalid_element',
  invalid_value: 'invalid_value',
  custom: 'custom',
};
function setErrorMap(map3) {
  config2({
    customError: map3,
  });
}
function getErrorMap() {
  return config2().customError;
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/coerce.js
var coerce_exports = {};
__export(coerce_exports, {
  bigint: () => bigint3,
  boolean: () => boolean3,
  date: () => date4,
  number: () => number3,
  string: () => string3,
});
function string3(params) {
  return _coercedString(ZodString, params);
}
function number3(params) {
  return _coercedNumber(ZodNumber, params);
}
function boolean3(params) {
  return _coercedBoolean(ZodBoolean, params);
}
function bigint3(params) {
  return _coercedBigint(ZodBigInt, params);
}
function date4(params) {
  return _coercedDate(ZodDate, params);
}

// node_modules/.pnpm/zod@3.25.76/node_modules/zod/v4/classic/external.js
config2(en_default());

// node_modules/.pnpm/@ag-ui+core@1.0.0_zod@3.25.76/node_modules/@ag-ui/core/dist/schemas.mjs
var EventTypeSchema = external_exports.enum(EventType);
var MetadataSchema = external_exports.custom(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);
var SubagentRunIdSchema = external_exports.string();
var TextMessageRoleSchema = external_exports.enum(['developer', 'system', 'assistant', 'user']);
var TextMessageStartEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TEXT_MESSAGE_START),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  role: TextMessageRoleSchema.optional(),
  name: external_exports.string().optional(),
});
var TextMessageContentEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TEXT_MESSAGE_CONTENT),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  delta: external_exports.string(),
});
var TextMessageEndEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TEXT_MESSAGE_END),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
});
var TextMessageChunkEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TEXT_MESSAGE_CHUNK),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string().optional(),
  role: TextMessageRoleSchema.optional(),
  delta: external_exports.string().optional(),
  name: external_exports.string().optional(),
});
var ToolCallStartEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TOOL_CALL_START),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  toolCallId: external_exports.string(),
  toolCallName: external_exports.string(),
  parentMessageId: external_exports.string().optional(),
});
var ToolCallArgsEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TOOL_CALL_ARGS),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  toolCallId: external_exports.string(),
  delta: external_exports.string(),
});
var ToolCallEndEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TOOL_CALL_END),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  toolCallId: external_exports.string(),
});
var ToolCallChunkEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TOOL_CALL_CHUNK),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  toolCallId: external_exports.string().optional(),
  toolCallName: external_exports.string().optional(),
  parentMessageId: external_exports.string().optional(),
  delta: external_exports.string().optional(),
});
var TextPartSchema = external_exports.looseObject({
  type: external_exports.literal('text'),
  id: external_exports.string().optional(),
  text: external_exports.string(),
  metadata: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
});
var DataSourceSchema = external_exports.looseObject({
  type: external_exports.literal('data'),
  value: external_exports.string(),
  mimeType: external_exports.string(),
});
var UrlSourceSchema = external_exports.looseObject({
  type: external_exports.literal('url'),
  value: external_exports.string(),
  mimeType: external_exports.string().optional(),
});
var FileSourceSchema = external_exports.looseObject({
  type: external_exports.literal('file'),
  value: external_exports.string(),
  provider: external_exports.string().optional(),
  mimeType: external_exports.string().optional(),
});
var PartSourceSchema = external_exports.discriminatedUnion('type', [
  DataSourceSchema,
  UrlSourceSchema,
  FileSourceSchema,
]);
var ImagePartSchema = external_exports.looseObject({
  type: external_exports.literal('image'),
  id: external_exports.string().optional(),
  source: PartSourceSchema,
  metadata: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
});
var AudioPartSchema = external_exports.looseObject({
  type: external_exports.literal('audio'),
  id: external_exports.string().optional(),
  source: PartSourceSchema,
  metadata: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
});
var VideoPartSchema = external_exports.looseObject({
  type: external_exports.literal('video'),
  id: external_exports.string().optional(),
  source: PartSourceSchema,
  metadata: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
});
var DocumentPartSchema = external_exports.looseObject({
  type: external_exports.literal('document'),
  id: external_exports.string().optional(),
  source: PartSourceSchema,
  metadata: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
});
var ContentPartSchema = external_exports.discriminatedUnion('type', [
  TextPartSchema,
  ImagePartSchema,
  AudioPartSchema,
  VideoPartSchema,
  DocumentPartSchema,
]);
var ToolCallResultEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.TOOL_CALL_RESULT),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  toolCallId: external_exports.string(),
  content: external_exports.union([external_exports.string(), external_exports.array(ContentPartSchema)]),
  role: external_exports.literal('tool').optional(),
});
var StateSchema = external_exports.any();
var StateSnapshotEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.STATE_SNAPSHOT),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  snapshot: StateSchema.refine((value) => value !== void 0),
});
var JsonPointerSchema = external_exports.string().regex(/* @__PURE__ */ /^(\/([^/~]|~[01])*)*$/);
var AddOperationSchema = external_exports
  .looseObject({
    op: external_exports.literal('add'),
    path: JsonPointerSchema,
    value: external_exports.any().refine((value) => value !== void 0),
  })
  .meta({ specOpen: true });
var RemoveOperationSchema = external_exports
  .looseObject({
    op: external_exports.literal('remove'),
    path: JsonPointerSchema,
  })
  .meta({ specOpen: true });
var ReplaceOperationSchema = external_exports
  .looseObject({
    op: external_exports.literal('replace'),
    path: JsonPointerSchema,
    value: external_exports.any().refine((value) => value !== void 0),
  })
  .meta({ specOpen: true });
var MoveOperationSchema = external_exports
  .looseObject({
    op: external_exports.literal('move'),
    from: JsonPointerSchema,
    path: JsonPointerSchema,
  })
  .meta({ specOpen: true });
var CopyOperationSchema = external_exports
  .looseObject({
    op: external_exports.literal('copy'),
    from: JsonPointerSchema,
    path: JsonPointerSchema,
  })
  .meta({ specOpen: true });
var TestOperationSchema = external_exports
  .looseObject({
    op: external_exports.literal('test'),
    path: JsonPointerSchema,
    value: external_exports.any().refine((value) => value !== void 0),
  })
  .meta({ specOpen: true });
var JsonPatchOperationSchema = external_exports.discriminatedUnion('op', [
  AddOperationSchema,
  RemoveOperationSchema,
  ReplaceOperationSchema,
  MoveOperationSchema,
  CopyOperationSchema,
  TestOperationSchema,
]);
var JsonPatchSchema = external_exports.array(JsonPatchOperationSchema);
var StateDeltaEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.STATE_DELTA),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  delta: JsonPatchSchema,
});
var DeveloperMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('developer'),
  name: external_exports.string().optional(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
  content: external_exports.string(),
});
var SystemMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('system'),
  name: external_exports.string().optional(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
  content: external_exports.string(),
});
var FunctionCallSchema = external_exports.looseObject({
  name: external_exports.string(),
  arguments: external_exports.string(),
});
var ToolCallSchema = external_exports.looseObject({
  id: external_exports.string(),
  type: external_exports.literal('function'),
  function: FunctionCallSchema,
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
});
var AssistantMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('assistant'),
  name: external_exports.string().optional(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
  content: external_exports.string().optional(),
  toolCalls: external_exports.array(ToolCallSchema).optional(),
});
var UserMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('user'),
  name: external_exports.string().optional(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
  content: external_exports.union([external_exports.string(), external_exports.array(ContentPartSchema)]),
});
var ToolMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('tool'),
  content: external_exports.union([external_exports.string(), external_exports.array(ContentPartSchema)]),
  toolCallId: external_exports.string(),
  error: external_exports.string().optional(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
});
var ActivityMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('activity'),
  activityType: external_exports.string(),
  content: external_exports.custom((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
  metadata: MetadataSchema.optional(),
});
var ReasoningMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.literal('reasoning'),
  content: external_exports.string(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
});
var MessageSchema = external_exports.discriminatedUnion('role', [
  DeveloperMessageSchema,
  SystemMessageSchema,
  AssistantMessageSchema,
  UserMessageSchema,
  ToolMessageSchema,
  ActivityMessageSchema,
  ReasoningMessageSchema,
]);
var MessagesSnapshotEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.MESSAGES_SNAPSHOT),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  messages: external_exports.array(MessageSchema),
});
var ActivitySnapshotEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.ACTIVITY_SNAPSHOT),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  activityType: external_exports.string(),
  content: external_exports.custom((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
  replace: external_exports.boolean().optional(),
});
var ActivityDeltaEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.ACTIVITY_DELTA),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  activityType: external_exports.string(),
  patch: JsonPatchSchema,
});
var RawEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.RAW),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  event: external_exports.any().refine((value) => value !== void 0),
  source: external_exports.string().optional(),
});
var CustomEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.CUSTOM),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  name: external_exports.string(),
  value: external_exports.any().refine((value) => value !== void 0),
});
var ToolSchema = external_exports.looseObject({
  name: external_exports.string(),
  description: external_exports.string(),
  parameters: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
});
var ContextSchema = external_exports.looseObject({
  description: external_exports.string(),
  value: external_exports.string(),
});
var ResumeEntrySchema = external_exports.looseObject({
  interruptId: external_exports.string(),
  status: external_exports.enum(['resolved', 'cancelled']),
  payload: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
});
var RunAgentInputSchema = external_exports.looseObject({
  threadId: external_exports.string(),
  runId: external_exports.string(),
  protocolVersion: external_exports.string().optional(),
  parentRunId: external_exports.string().optional(),
  state: StateSchema.refine((value) => value !== null)
    .nullable()
    .transform((value) => value ?? void 0)
    .optional(),
  messages: external_exports.array(MessageSchema),
  tools: external_exports.array(ToolSchema).default(() => []),
  context: external_exports.array(ContextSchema).default(() => []),
  forwardedProps: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  resume: external_exports.array(ResumeEntrySchema).optional(),
});
var RunStartedEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.RUN_STARTED),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  threadId: external_exports.string(),
  runId: external_exports.string(),
  protocolVersion: external_exports.string().optional(),
  parentRunId: external_exports.string().optional(),
  input: RunAgentInputSchema.optional(),
});
var RunFinishedSuccessOutcomeSchema = external_exports.looseObject({
  type: external_exports.literal('success'),
  pendingToolCallIds: external_exports.array(external_exports.string()).optional(),
});
var InterruptSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  reason: external_exports.string(),
  message: external_exports.string().optional(),
  toolCallId: external_exports.string().optional(),
  responseSchema: external_exports
    .custom((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
    .optional(),
  expiresAt: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
});
var RunFinishedInterruptOutcomeSchema = external_exports.looseObject({
  type: external_exports.literal('interrupt'),
  interrupts: external_exports.array(InterruptSchema).min(1),
});
var RunFinishedCancelledOutcomeSchema = external_exports.looseObject({ type: external_exports.literal('cancelled') });
var RunFinishedOutcomeSchema = external_exports.discriminatedUnion('type', [
  RunFinishedSuccessOutcomeSchema,
  RunFinishedInterruptOutcomeSchema,
  RunFinishedCancelledOutcomeSchema,
]);
var TokenUsageSchema = external_exports.looseObject({
  provider: external_exports.string().optional(),
  model: external_exports.string().optional(),
  inputTokens: external_exports.int().min(0).max(9007199254740991).optional(),
  outputTokens: external_exports.int().min(0).max(9007199254740991).optional(),
  totalTokens: external_exports.int().min(0).max(9007199254740991).optional(),
  reasoningTokens: external_exports.int().min(0).max(9007199254740991).optional(),
  cachedInputTokens: external_exports.int().min(0).max(9007199254740991).optional(),
  cacheWriteInputTokens: external_exports.int().min(0).max(9007199254740991).optional(),
});
var RunFinishedEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.RUN_FINISHED),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  threadId: external_exports.string(),
  runId: external_exports.string(),
  result: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  outcome: RunFinishedOutcomeSchema.optional(),
  usage: external_exports.array(TokenUsageSchema).optional(),
});
var RunErrorEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.RUN_ERROR),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  message: external_exports.string(),
  code: external_exports.string().optional(),
  usage: external_exports.array(TokenUsageSchema).optional(),
});
var StepStartedEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.STEP_STARTED),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  stepName: external_exports.string(),
});
var StepFinishedEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.STEP_FINISHED),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  stepName: external_exports.string(),
});
var ReasoningStartEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_START),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
});
var ReasoningMessageStartEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_MESSAGE_START),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  role: external_exports.literal('reasoning'),
});
var ReasoningMessageContentEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_MESSAGE_CONTENT),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
  delta: external_exports.string(),
});
var ReasoningMessageEndEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_MESSAGE_END),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
});
var ReasoningMessageChunkEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_MESSAGE_CHUNK),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string().optional(),
  delta: external_exports.string().optional(),
});
var ReasoningEndEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_END),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  messageId: external_exports.string(),
});
var ReasoningEncryptedValueSubtypeSchema = external_exports.enum(['tool-call', 'message']);
var ReasoningEncryptedValueEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.REASONING_ENCRYPTED_VALUE),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema.optional(),
  subtype: ReasoningEncryptedValueSubtypeSchema,
  entityId: external_exports.string(),
  encryptedValue: external_exports.string(),
});
var SubagentStartedEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.SUBAGENT_STARTED),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema,
  name: external_exports.string(),
  description: external_exports.string().optional(),
  parentSubagentRunId: SubagentRunIdSchema.optional(),
  parentToolCallId: external_exports.string().optional(),
  parentMessageId: external_exports.string().optional(),
});
var SubagentFinishedSuccessOutcomeSchema = external_exports.looseObject({ type: external_exports.literal('success') });
var SubagentFinishedSuspendedOutcomeSchema = external_exports.looseObject({
  type: external_exports.literal('suspended'),
  interruptIds: external_exports.array(external_exports.string()).optional(),
});
var SubagentFinishedOutcomeSchema = external_exports.discriminatedUnion('type', [
  SubagentFinishedSuccessOutcomeSchema,
  SubagentFinishedSuspendedOutcomeSchema,
]);
var SubagentFinishedEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.SUBAGENT_FINISHED),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema,
  result: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  outcome: SubagentFinishedOutcomeSchema.optional(),
});
var SubagentErrorEventSchema = external_exports.looseObject({
  type: external_exports.literal(EventType.SUBAGENT_ERROR),
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
  subagentRunId: SubagentRunIdSchema,
  message: external_exports.string(),
  code: external_exports.string().optional(),
});
var EventSchema = external_exports.discriminatedUnion('type', [
  TextMessageStartEventSchema,
  TextMessageContentEventSchema,
  TextMessageEndEventSchema,
  TextMessageChunkEventSchema,
  ToolCallStartEventSchema,
  ToolCallArgsEventSchema,
  ToolCallEndEventSchema,
  ToolCallChunkEventSchema,
  ToolCallResultEventSchema,
  StateSnapshotEventSchema,
  StateDeltaEventSchema,
  MessagesSnapshotEventSchema,
  ActivitySnapshotEventSchema,
  ActivityDeltaEventSchema,
  RawEventSchema,
  CustomEventSchema,
  RunStartedEventSchema,
  RunFinishedEventSchema,
  RunErrorEventSchema,
  StepStartedEventSchema,
  StepFinishedEventSchema,
  ReasoningStartEventSchema,
  ReasoningMessageStartEventSchema,
  ReasoningMessageContentEventSchema,
  ReasoningMessageEndEventSchema,
  ReasoningMessageChunkEventSchema,
  ReasoningEndEventSchema,
  ReasoningEncryptedValueEventSchema,
  SubagentStartedEventSchema,
  SubagentFinishedEventSchema,
  SubagentErrorEventSchema,
]);
var RoleSchema = external_exports.enum(['developer', 'system', 'assistant', 'user', 'tool', 'activity', 'reasoning']);
var SubagentInfoSchema = external_exports.looseObject({
  name: external_exports.string(),
  description: external_exports.string().optional(),
});
var IdentityCapabilitiesSchema = external_exports.looseObject({
  name: external_exports.string().optional(),
  type: external_exports.string().optional(),
  description: external_exports.string().optional(),
  version: external_exports.string().optional(),
  provider: external_exports.string().optional(),
  documentationUrl: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
});
var TransportCapabilitiesSchema = external_exports.looseObject({
  streaming: external_exports.boolean().optional(),
  websocket: external_exports.boolean().optional(),
  httpBinary: external_exports.boolean().optional(),
  pushNotifications: external_exports.boolean().optional(),
  resumable: external_exports.boolean().optional(),
});
var ToolsCapabilitiesSchema = external_exports.looseObject({
  supported: external_exports.boolean().optional(),
  items: external_exports.array(ToolSchema).optional(),
  parallelCalls: external_exports.boolean().optional(),
  clientProvided: external_exports.boolean().optional(),
});
var OutputCapabilitiesSchema = external_exports.looseObject({
  structuredOutput: external_exports.boolean().optional(),
  supportedMimeTypes: external_exports.array(external_exports.string()).optional(),
});
var StateCapabilitiesSchema = external_exports.looseObject({
  snapshots: external_exports.boolean().optional(),
  deltas: external_exports.boolean().optional(),
  memory: external_exports.boolean().optional(),
  persistentState: external_exports.boolean().optional(),
});
var MultiAgentCapabilitiesSchema = external_exports.looseObject({
  supported: external_exports.boolean().optional(),
  delegation: external_exports.boolean().optional(),
  handoffs: external_exports.boolean().optional(),
  subagents: external_exports.array(SubagentInfoSchema).optional(),
});
var ReasoningCapabilitiesSchema = external_exports.looseObject({
  supported: external_exports.boolean().optional(),
  streaming: external_exports.boolean().optional(),
  encrypted: external_exports.boolean().optional(),
});
var MultimodalInputCapabilitiesSchema = external_exports.looseObject({
  image: external_exports.boolean().optional(),
  audio: external_exports.boolean().optional(),
  video: external_exports.boolean().optional(),
  pdf: external_exports.boolean().optional(),
  file: external_exports.boolean().optional(),
});
var MultimodalOutputCapabilitiesSchema = external_exports.looseObject({
  image: external_exports.boolean().optional(),
  audio: external_exports.boolean().optional(),
});
var MultimodalCapabilitiesSchema = external_exports.looseObject({
  input: MultimodalInputCapabilitiesSchema.optional(),
  output: MultimodalOutputCapabilitiesSchema.optional(),
});
var ExecutionCapabilitiesSchema = external_exports.looseObject({
  codeExecution: external_exports.boolean().optional(),
  sandboxed: external_exports.boolean().optional(),
  maxIterations: external_exports.int().min(0).max(9007199254740991).optional(),
  maxExecutionTime: external_exports.int().min(0).max(9007199254740991).optional(),
});
var HumanInTheLoopCapabilitiesSchema = external_exports.looseObject({
  supported: external_exports.boolean().optional(),
  approvals: external_exports.boolean().optional(),
  interventions: external_exports.boolean().optional(),
  feedback: external_exports.boolean().optional(),
  interrupts: external_exports.boolean().optional(),
  approveWithEdits: external_exports.boolean().optional(),
});
var AgentCapabilitiesSchema = external_exports.looseObject({
  identity: IdentityCapabilitiesSchema.optional(),
  transport: TransportCapabilitiesSchema.optional(),
  tools: ToolsCapabilitiesSchema.optional(),
  output: OutputCapabilitiesSchema.optional(),
  state: StateCapabilitiesSchema.optional(),
  multiAgent: MultiAgentCapabilitiesSchema.optional(),
  reasoning: ReasoningCapabilitiesSchema.optional(),
  multimodal: MultimodalCapabilitiesSchema.optional(),
  execution: ExecutionCapabilitiesSchema.optional(),
  humanInTheLoop: HumanInTheLoopCapabilitiesSchema.optional(),
  custom: external_exports
    .custom((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
    .optional(),
});
var AttributableSchema = external_exports.looseObject({ subagentRunId: SubagentRunIdSchema.optional() });
var BaseEventSchema = external_exports.looseObject({
  type: EventTypeSchema,
  timestamp: external_exports.int().min(-9007199254740991).max(9007199254740991).optional(),
  rawEvent: external_exports
    .any()
    .refine((value) => value !== null)
    .optional(),
  metadata: MetadataSchema.optional(),
});
var BaseMessageSchema = external_exports.looseObject({
  subagentRunId: SubagentRunIdSchema.optional(),
  id: external_exports.string(),
  role: external_exports.string(),
  name: external_exports.string().optional(),
  encryptedValue: external_exports.string().optional(),
  metadata: MetadataSchema.optional(),
});
var OptionalMetadataSchema = MetadataSchema.optional();

// node_modules/.pnpm/@bufbuild+protobuf@2.17.0/node_modules/@bufbuild/protobuf/dist/esm/wire/varint.js
function varint64read() {
  const buf = this.buf;
  let pos = this.pos;
  let lo = 0;
  let hi = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    const b = buf[pos++];
    lo |= (b & 127) << shift;
    if ((b & 128) == 0) {
      this.pos = pos;
      this.assertBounds();
      this.varint64Lo = lo;
      this.varint64Hi = hi;
      return;
    }
  }
  const middleByte = buf[pos++];
  lo |= (middleByte & 15) << 28;
  hi = (middleByte & 112) >> 4;
  if ((middleByte & 128) == 0) {
    this.pos = pos;
    this.assertBounds();
    this.varint64Lo = lo;
    this.varint64Hi = hi;
    return;
  }
  for (let shift = 3; shift <= 31; shift += 7) {
    const b = buf[pos++];
    hi |= (b & 127) << shift;
    if ((b & 128) == 0) {
      this.pos = pos;
      this.assertBounds();
      this.varint64Lo = lo;
      this.varint64Hi = hi;
      return;
    }
  }
  throw new Error('invalid varint');
}
var TWO_PWR_32_DBL = 4294967296;
function int64FromString(dec) {
  const minus = dec[0] === '-';
  if (minus) {
    dec = dec.slice(1);
  }
  const base = 1e6;
  let lowBits = 0;
  let highBits = 0;
  function add1e6digit(begin, end) {
    const digit1e6 = Number(dec.slice(begin, end));
    highBits *= base;
    lowBits = lowBits * base + digit1e6;
    if (lowBits >= TWO_PWR_32_DBL) {
      highBits = highBits + ((lowBits / TWO_PWR_32_DBL) | 0);
      lowBits = lowBits % TWO_PWR_32_DBL;
    }
  }
  add1e6digit(-24, -18);
  add1e6digit(-18, -12);
  add1e6digit(-12, -6);
  add1e6digit(-6);
  return minus ? negate(lowBits, highBits) : newBits(lowBits, highBits);
}
function int64ToString(lo, hi) {
  let bits = newBits(lo, hi);
  const negative = bits.hi & 2147483648;
  if (negative) {
    bits = negate(bits.lo, bits.hi);
  }
  const result = uInt64ToString(bits.lo, bits.hi);
  return negative ? '-' + result : result;
}
function uInt64ToString(lo, hi) {
  ({ lo, hi } = toUnsigned(lo, hi));
  if (hi <= 2097151) {
    return String(TWO_PWR_32_DBL * hi + lo);
  }
  const low = lo & 16777215;
  const mid = ((lo >>> 24) | (hi << 8)) & 16777215;
  const high = (hi >> 16) & 65535;
  let digitA = low + mid * 6777216 + high * 6710656;
  let digitB = mid + high * 8147497;
  let digitC = high * 2;
  const base = 1e7;
  if (digitA >= base) {
    digitB += Math.floor(digitA / base);
    digitA %= base;
  }
  if (digitB >= base) {
    digitC += Math.floor(digitB / base);
    digitB %= base;
  }
  return digitC.toString() + decimalFrom1e7WithLeadingZeros(digitB) + decimalFrom1e7WithLeadingZeros(digitA);
}
function toUnsigned(lo, hi) {
  return { lo: lo >>> 0, hi: hi >>> 0 };
}
function newBits(lo, hi) {
  return { lo: lo | 0, hi: hi | 0 };
}
function negate(lowBits, highBits) {
  highBits = ~highBits;
  if (lowBits) {
    lowBits = ~lowBits + 1;
  } else {
    highBits += 1;
  }
  return newBits(lowBits, highBits);
}
var decimalFrom1e7WithLeadingZeros = (digit1e7) => {
  const partial2 = String(digit1e7);
  return '0000000'.slice(partial2.length) + partial2;
};
function varint32read() {
  let b = this.buf[this.pos++];
  if ((b & 128) === 0) {
    this.assertBounds();
    return b;
  }
  let result = b & 127;
  b = this.buf[this.pos++];
  result |= (b & 127) << 7;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 127) << 14;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 127) << 21;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 15) << 28;
  for (let readBytes = 5; (b & 128) !== 0 && readBytes < 10; readBytes++) b = this.buf[this.pos++];
  if ((b & 128) !== 0) throw new Error('invalid varint');
  this.assertBounds();
  return result >>> 0;
}

// node_modules/.pnpm/@bufbuild+protobuf@2.17.0/node_modules/@bufbuild/protobuf/dist/esm/proto-int64.js
var protoInt64 = /* @__PURE__ */ makeInt64Support();
function makeInt64Support() {
  const dv = new DataView(new ArrayBuffer(8));
  const ok =
    typeof BigInt === 'function' &&
    typeof dv.getBigInt64 === 'function' &&
    typeof dv.getBigUint64 === 'function' &&
    typeof dv.setBigInt64 === 'function' &&
    typeof dv.setBigUint64 === 'function' &&
    (!!globalThis.Deno ||
      !!globalThis.Bun ||
      typeof process != 'object' ||
      typeof process.env != 'object' ||
      process.env.BUF_BIGINT_DISABLE !== '1');
  if (ok) {
    const MIN = BigInt('-9223372036854775808');
    const MAX = BigInt('9223372036854775807');
    const UMIN = BigInt('0');
    const UMAX = BigInt('18446744073709551615');
    return {
      zero: BigInt(0),
      supported: true,
      parse(value) {
        const bi = typeof value == 'bigint' ? value : BigInt(value);
        if (bi > MAX || bi < MIN) {
          throw new Error(`invalid int64: ${value}`);
        }
        return bi;
      },
      uParse(value) {
        const bi = typeof value == 'bigint' ? value : BigInt(value);
        if (bi > UMAX || bi < UMIN) {
          throw new Error(`invalid uint64: ${value}`);
        }
        return bi;
      },
      enc(value) {
        dv.setBigInt64(0, this.parse(value), true);
        return {
          lo: dv.getInt32(0, true),
          hi: dv.getInt32(4, true),
        };
      },
      uEnc(value) {
        dv.setBigInt64(0, this.uParse(value), true);
        return {
          lo: dv.getInt32(0, true),
          hi: dv.getInt32(4, true),
        };
      },
      dec(lo, hi) {
        dv.setInt32(0, lo, true);
        dv.setInt32(4, hi, true);
        return dv.getBigInt64(0, true);
      },
      uDec(lo, hi) {
        dv.setInt32(0, lo, true);
        dv.setInt32(4, hi, true);
        return dv.getBigUint64(0, true);
      },
    };
  }
  return {
    zero: '0',
    supported: false,
    parse(value) {
      if (typeof value != 'string') {
        value = value.toString();
      }
      assertInt64String(value);
      return value;
    },
    uParse(value) {
      if (typeof value != 'string') {
        value = value.toString();
      }
      assertUInt64String(value);
      return value;
    },
    enc(value) {
      if (typeof value != 'string') {
        value = value.toString();
      }
      assertInt64String(value);
      return int64FromString(value);
    },
    uEnc(value) {
      if (typeof value != 'string') {
        value = value.toString();
      }
      assertUInt64String(value);
      return int64FromString(value);
    },
    dec(lo, hi) {
      return int64ToString(lo, hi);
    },
    uDec(lo, hi) {
      return uInt64ToString(lo, hi);
    },
  };
}
function assertInt64String(value) {
  if (!/^-?[0-9]+$/.test(value)) {
    throw new Error('invalid int64: ' + value);
  }
}
function assertUInt64String(value) {
  if (!/^[0-9]+$/.test(value)) {
    throw new Error('invalid uint64: ' + value);
  }
}

// node_modules/.pnpm/@bufbuild+protobuf@2.17.0/node_modules/@bufbuild/protobuf/dist/esm/wire/text-encoding.js
var te;
function configureTextEncoding(textEncoding) {
  var _a;
  te = Object.assign(Object.assign({}, textEncoding), {
    encodeUtf8Into:
      (_a = textEncoding.encodeUtf8Into) !== null && _a !== void 0
        ? _a
        : emulateEncodeInto(textEncoding.encodeUtf8.bind(textEncoding)),
  });
}
function getTextEncoding() {
  if (!te) {
    const globals = globalThis;
    if (!globals.TextEncoder || !globals.TextDecoder) {
      throw new Error('encoding API missing: install TextEncoder and TextDecoder on globalThis');
    }
    const textEncoder = new globals.TextEncoder();
    const textDecoder = new globals.TextDecoder('utf-8', {
      ignoreBOM: true,
    });
    let textDecoderStrict;
    const config3 = {
      encodeUtf8(text) {
        return textEncoder.encode(text);
      },
      decodeUtf8(bytes, strict) {
        if (strict) {
          if (!textDecoderStrict) {
            textDecoderStrict = new globals.TextDecoder('utf-8', {
              fatal: true,
              ignoreBOM: true,
            });
          }
          return textDecoderStrict.decode(bytes);
        }
        return textDecoder.decode(bytes);
      },
      checkUtf8(text) {
        try {
          encodeURIComponent(text);
          return true;
        } catch (_) {
          return false;
        }
      },
    };
    if (textEncoder.encodeInto) {
      config3.encodeUtf8Into = textEncoder.encodeInto.bind(textEncoder);
    }
    const nativeStringIsWellFormed = String.prototype.isWellFormed;
    if (nativeStringIsWellFormed) {
      config3.checkUtf8 = (text) => {
        return nativeStringIsWellFormed.call(text);
      };
    }
    configureTextEncoding(config3);
  }
  return te;
}
function emulateEncodeInto(encodeUtf8) {
  return (text, dest) => {
    const bytes = encodeUtf8(text);
    dest.set(bytes);
    return { written: bytes.byteLength };
  };
}

// node_modules/.pnpm/@bufbuild+protobuf@2.17.0/node_modules/@bufbuild/protobuf/dist/esm/wire/binary-encoding.js
var WireType;
((WireType2) => {
  WireType2[(WireType2['Varint'] = 0)] = 'Varint';
  WireType2[(WireType2['Bit64'] = 1)] = 'Bit64';
  WireType2[(WireType2['LengthDelimited'] = 2)] = 'LengthDelimited';
  WireType2[(WireType2['StartGroup'] = 3)] = 'StartGroup';
  WireType2[(WireType2['EndGroup'] = 4)] = 'EndGroup';
  WireType2[(WireType2['Bit32'] = 5)] = 'Bit32';
})(WireType || (WireType = {}));
var UINT32_MAX = 4294967295;
var INT32_MAX = 2147483647;
var INT32_MIN = -2147483648;
var BinaryWriter = class {
  constructor(encodeUtf8) {
    this.stackPos = [];
    this.encodeUtf8Into = encodeUtf8 ? emulateEncodeInto(encodeUtf8) : getTextEncoding().encodeUtf8Into;
    this.buffer = EMPTY_BUFFER;
    this.viewCache = EMPTY_VIEW;
    this.pos = 0;
  }
  ensureCapacity(size) {
    const required2 = this.pos + size;
    if (required2 > this.buffer.length) {
      let newLen = this.buffer.length || INITIAL_SIZE;
      while (newLen < required2) newLen *= 2;
      const newBuf = new Uint8Array(newLen);
      if (this.pos > 0) newBuf.set(this.buffer);
      this.buffer = newBuf;
    }
  }
  /**
   * The DataView over `buffer`, rebuilt only if the buffer has grown since it
   * was last used.
   */
  view() {
    const bytes = this.buffer;
    const view = this.viewCache;
    if (view.byteLength === bytes.byteLength) return view;
    const newView = new DataView(bytes.buffer);
    this.viewCache = newView;
    return newView;
  }
  /**
   * Return all bytes written and reset this writer.
   */
  finish() {
    const result = this.buffer.slice(0, this.pos);
    this.pos = 0;
    this.stackPos = [];
    return result;
  }
  /**
   * Start a new fork for length-delimited data like a message
   * or a packed repeated field.
   *
   * Must be joined later with `join()`.
   */
  fork() {
    this.stackPos.push(this.pos);
    this.ensureCapacity(DEFAULT_LEN_PREFIX_SIZE);
    this.buffer[this.pos++] = 0;
    return this;
  }
  /**
   * Join the last fork. Write its length and bytes, then
   * return to the previous state.
   */
  join() {
    const forkPos = this.stackPos.pop();
    if (forkPos === void 0) throw new Error('invalid state, fork stack empty');
    const len = this.pos - forkPos - DEFAULT_LEN_PREFIX_SIZE;
    const lenPrefixSize = varint32Size(len);
    if (lenPrefixSize > DEFAULT_LEN_PREFIX_SIZE) {
      this.ensureCapacity(lenPrefixSize - DEFAULT_LEN_PREFIX_SIZE);
      this.buffer.copyWithin(forkPos + lenPrefixSize, forkPos + DEFAULT_LEN_PREFIX_SIZE, this.pos);
    }
    this.pos = forkPos;
    this.uint32(len);
    this.pos += len;
    return this;
  }
  /**
   * Writes a tag (field number and wire type).
   *
   * Equivalent to `uint32( (fieldNo << 3 | type) >>> 0 )`.
   *
   * Generated code should compute the tag ahead of time and call `uint32()`.
   */
  tag(fieldNo, type) {
    return this.uint32(((fieldNo << 3) | type) >>> 0);
  }
  /**
   * Write a chunk of raw bytes.
   */
  raw(chunk) {
    this.ensureCapacity(chunk.length);
    this.buffer.set(chunk, this.pos);
    this.pos += chunk.length;
    return this;
  }
  /**
   * Write a `uint32` value, an unsigned 32 bit varint.
   */
  uint32(value) {
    assertUInt32(value);
    this.ensureCapacity(5);
    if (value < 128) {
      this.buffer[this.pos++] = value;
      return this;
    }
    while (value > 127) {
      this.buffer[this.pos++] = (value & 127) | 128;
      value >>>= 7;
    }
    this.buffer[this.pos++] = value;
    return this;
  }
  /**
   * Write a `int32` value, a signed 32 bit varint.
   */
  int32(value) {
    assertInt32(value);
    if (value >= 0) {
      return this.uint32(value);
    }
    this.ensureCapacity(10);
    for (let i = 0; i < 9; i++) {
      this.buffer[this.pos++] = (value & 127) | 128;
      value >>= 7;
    }
    this.buffer[this.pos++] = 1;
    return this;
  }
  /**
   * Write a `bool` value, a varint.
   */
  bool(value) {
    this.ensureCapacity(1);
    this.buffer[this.pos++] = value ? 1 : 0;
    return this;
  }
  /**
   * Write a `bytes` value, length-delimited arbitrary data.
   */
  bytes(value) {
    this.uint32(value.byteLength);
    return this.raw(value);
  }
  /**
   * Write a `string` value, length-delimited data converted to UTF-8 text.
   */
  string(value) {
    if (typeof value !== 'string') {
      value = String(value);
    }
    const len = value.length;
    if (len <= ASCII_MAX_LENGTH) {
      this.ensureCapacity(len + 1);
      const ascii = this.buffer;
      let pos = this.pos;
      ascii[pos++] = len;
      let i = 0;
      for (; i < len; i++) {
        const code = value.charCodeAt(i);
        if (code > 127) break;
        ascii[pos++] = code;
      }
      if (i == len) {
        this.pos = pos;
        return this;
      }
    }
    this.ensureCapacity(len * 3 + 5);
    const lenPrefixSizeGuess = varint32Size(len);
    const buf = this.buffer;
    const start = this.pos;
    const { written } = this.encodeUtf8Into(value, buf.subarray(start + lenPrefixSizeGuess));
    const lenPrefixSize = varint32Size(written);
    if (lenPrefixSize != lenPrefixSizeGuess) {
      buf.copyWithin(start + lenPrefixSize, start + lenPrefixSizeGuess, start + lenPrefixSizeGuess + written);
    }
    this.uint32(written);
    this.pos += written;
    return this;
  }
  /**
   * Write a `float` value, 32-bit floating point number.
   */
  float(value) {
    assertFloat32(value);
    this.ensureCapacity(4);
    this.view().setFloat32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  /**
   * Write a `double` value, a 64-bit floating point number.
   */
  double(value) {
    this.ensureCapacity(8);
    this.view().setFloat64(this.pos, value, true);
    this.pos += 8;
    return this;
  }
  /**
   * Write a `fixed32` value, an unsigned, fixed-length 32-bit integer.
   */
  fixed32(value) {
    assertUInt32(value);
    this.ensureCapacity(4);
    this.view().setUint32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  /**
   * Write a `sfixed32` value, a signed, fixed-length 32-bit integer.
   */
  sfixed32(value) {
    assertInt32(value);
    this.ensureCapacity(4);
    this.view().setInt32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  /**
   * Write a `sint32` value, a signed, zigzag-encoded 32-bit varint.
   */
  sint32(value) {
    assertInt32(value);
    return this.uint32(((value << 1) ^ (value >> 31)) >>> 0);
  }
  /**
   * Write a `sfixed64` value, a signed, fixed-length 64-bit integer.
   */
  sfixed64(value) {
    const tc = protoInt64.enc(value);
    this.ensureCapacity(8);
    const view = this.view();
    view.setInt32(this.pos, tc.lo, true);
    view.setInt32(this.pos + 4, tc.hi, true);
    this.pos += 8;
    return this;
  }
  /**
   * Write a `fixed64` value, an unsigned, fixed-length 64 bit integer.
   */
  fixed64(value) {
    const tc = protoInt64.uEnc(value);
    this.ensureCapacity(8);
    const view = this.view();
    view.setInt32(this.pos, tc.lo, true);
    view.setInt32(this.pos + 4, tc.hi, true);
    this.pos += 8;
    return this;
  }
  /**
   * Write a `int64` value, a signed 64-bit varint.
   */
  int64(value) {
    const tc = protoInt64.enc(value);
    return this.writeVarint64(tc.lo, tc.hi);
  }
  /**
   * Write a `sint64` value, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64(value) {
    const tc = protoInt64.enc(value),
      sign = tc.hi >> 31,
      lo = (tc.lo << 1) ^ sign,
      hi = ((tc.hi << 1) | (tc.lo >>> 31)) ^ sign;
    return this.writeVarint64(lo, hi);
  }
  /**
   * Write a `uint64` value, an unsigned 64-bit varint.
   */
  uint64(value) {
    const tc = protoInt64.uEnc(value);
    return this.writeVarint64(tc.lo, tc.hi);
  }
  /**
   * Write a 64-bit varint directly into the buffer. Accepts the value as
   * split low/high 32-bit words.
   *
   * Ported from varint64write() to avoid the intermediate number[] buffer.
   * See https://github.com/protocolbuffers/protobuf/blob/8a71927d74a4ce34efe2d8769fda198f52d20d12/js/experimental/runtime/kernel/writer.js#L344
   */
  writeVarint64(lo, hi) {
    this.ensureCapacity(10);
    const buf = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < 28; i = i + 7) {
      const shift = lo >>> i;
      const hasNext = !(shift >>> 7 == 0 && hi == 0);
      buf[pos++] = (hasNext ? shift | 128 : shift) & 255;
      if (!hasNext) {
        this.pos = pos;
        return this;
      }
    }
    const splitBits = ((lo >>> 28) & 15) | ((hi & 7) << 4);
    const hasMoreBits = !(hi >> 3 == 0);
    buf[pos++] = (hasMoreBits ? splitBits | 128 : splitBits) & 255;
    if (!hasMoreBits) {
      this.pos = pos;
      return this;
    }
    for (let i = 3; i < 31; i = i + 7) {
      const shift = hi >>> i;
      const hasNext = !(shift >>> 7 == 0);
      buf[pos++] = (hasNext ? shift | 128 : shift) & 255;
      if (!hasNext) {
        this.pos = pos;
        return this;
      }
    }
    buf[pos++] = (hi >>> 31) & 1;
    this.pos = pos;
    return this;
  }
};
var INITIAL_SIZE = 128;
var DEFAULT_LEN_PREFIX_SIZE = 1;
var EMPTY_BUFFER = new Uint8Array(0);
var EMPTY_VIEW = new DataView(EMPTY_BUFFER.buffer);
var ASCII_MAX_LENGTH = 32;
function varint32Size(value) {
  if (value < 128) return 1;
  if (value < 16384) return 2;
  if (value < 2097152) return 3;
  if (value < 268435456) return 4;
  return 5;
}
var BinaryReader = class {
  constructor(buf, decodeUtf8 = getTextEncoding().decodeUtf8) {
    this.decodeUtf8 = decodeUtf8;
    this.varint64Lo = 0;
    this.varint64Hi = 0;
    this.varint64 = varint64read;
    this.uint32 = varint32read;
    this.buf = buf;
    this.len = buf.length;
    this.pos = 0;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  /**
   * Reads a tag - field number and wire type. Tags are uint32 varints; values
   * that do not fit in uint32 are rejected.
   */
  tag() {
    const start = this.pos;
    const tag = this.uint32();
    const bytesRead = this.pos - start;
    if (bytesRead > 5 || (bytesRead == 5 && this.buf[this.pos - 1] > 15)) {
      throw new Error('illegal tag: varint overflows uint32');
    }
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo <= 0 || wireType > 5) {
      throw new Error('illegal tag: field no ' + fieldNo + ' wire type ' + wireType);
    }
    return [fieldNo, wireType];
  }
  /**
   * Skip one element and return the skipped data.
   *
   * When skipping StartGroup, provide the tags field number to check for
   * matching field number in the EndGroup tag. Recursion into nested groups
   * is guarded by the `recursionLimit` argument: When the limit is reached,
   * this method throws.
   */
  skip(wireType, fieldNo, recursionLimit = 100) {
    const start = this.pos;
    switch (wireType) {
      case WireType.Varint:
        while (this.buf[this.pos++] & 128) {}
        break;
      // @ts-expect-error TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
      case WireType.Bit64:
        this.pos += 4;
      case WireType.Bit32:
        this.pos += 4;
        break;
      case WireType.LengthDelimited: {
        const len = this.uint32();
        this.pos += len;
        break;
      }
      case WireType.StartGroup:
        if (recursionLimit <= 0) {
          throw new Error('maximum recursion depth reached');
        }
        for (;;) {
          const [fn, wt2] = this.tag();
          if (wt2 === WireType.EndGroup) {
            if (fieldNo !== void 0 && fn !== fieldNo) {
              throw new Error('invalid end group tag');
            }
            break;
          }
          this.skip(wt2, fn, recursionLimit - 1);
        }
        break;
      default:
        throw new Error('cant skip wire type ' + wireType);
    }
    this.assertBounds();
    return this.buf.subarray(start, this.pos);
  }
  /**
   * Throws error if position in byte array is out of range.
   */
  assertBounds() {
    if (this.pos > this.len) throw new RangeError('premature EOF');
  }
  /**
   * Read a `int32` field, a signed 32 bit varint.
   */
  int32() {
    return this.uint32() | 0;
  }
  /**
   * Read a `sint32` field, a signed, zigzag-encoded 32-bit varint.
   */
  sint32() {
    const zze = this.uint32();
    return (zze >>> 1) ^ -(zze & 1);
  }
  /**
   * Read a `int64` field, a signed 64-bit varint.
   */
  int64() {
    this.varint64();
    return protoInt64.dec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `uint64` field, an unsigned 64-bit varint.
   */
  uint64() {
    this.varint64();
    return protoInt64.uDec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `sint64` field, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64() {
    this.varint64();
    let lo = this.varint64Lo;
    let hi = this.varint64Hi;
    const s = -(lo & 1);
    lo = ((lo >>> 1) | ((hi & 1) << 31)) ^ s;
    hi = (hi >>> 1) ^ s;
    return protoInt64.dec(lo, hi);
  }
  /**
   * Read a `bool` field, a variant.
   */
  bool() {
    const b = this.buf[this.pos];
    if (b < 128) {
      this.pos++;
      return b !== 0;
    }
    this.varint64();
    return this.varint64Lo !== 0 || this.varint64Hi !== 0;
  }
  /**
   * Read a `fixed32` field, an unsigned, fixed-length 32-bit integer.
   */
  fixed32() {
    return this.view.getUint32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `sfixed32` field, a signed, fixed-length 32-bit integer.
   */
  sfixed32() {
    return this.view.getInt32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `fixed64` field, an unsigned, fixed-length 64 bit integer.
   */
  fixed64() {
    return protoInt64.uDec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `fixed64` field, a signed, fixed-length 64-bit integer.
   */
  sfixed64() {
    return protoInt64.dec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `float` field, 32-bit floating point number.
   */
  float() {
    return this.view.getFloat32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `double` field, a 64-bit floating point number.
   */
  double() {
    return this.view.getFloat64((this.pos += 8) - 8, true);
  }
  /**
   * Read a `bytes` field, length-delimited arbitrary data.
   */
  bytes() {
    const len = this.uint32(),
      start = this.pos;
    this.pos += len;
    this.assertBounds();
    return this.buf.subarray(start, start + len);
  }
  /**
   * Read a `string` field, length-delimited data converted to UTF-8 text. If
   * `strict` is true, throw on invalid UTF-8 instead of substituting U+FFFD.
   */
  string(strict) {
    const len = this.uint32();
    const start = this.pos;
    this.pos += len;
    this.assertBounds();
    const buf = this.buf;
    if (len <= ASCII_MAX_LENGTH) {
      const codes = new Array(len);
      for (let i = 0; i < len; i++) {
        const byte = buf[start + i];
        if (byte > 127) {
          return this.decodeUtf8(buf.subarray(start, this.pos), strict);
        }
        codes[i] = byte;
      }
      return String.fromCharCode.apply(String, codes);
    }
    return this.decodeUtf8(buf.subarray(start, this.pos), strict);
  }
};
function assertInt32(arg) {
  if (typeof arg == 'string') {
    arg = Number(arg);
  } else if (typeof arg != 'number') {
    throw new Error('invalid int32: ' + typeof arg);
  }
  if (!Number.isInteger(arg) || arg > INT32_MAX || arg < INT32_MIN) throw new Error('invalid int32: ' + arg);
}
function assertUInt32(arg) {
  if (typeof arg == 'string') {
    arg = Number(arg);
  } else if (typeof arg != 'number') {
    throw new Error('invalid uint32: ' + typeof arg);
  }
  if (!Number.isInteger(arg) || arg > UINT32_MAX || arg < 0) throw new Error('invalid uint32: ' + arg);
}
function assertFloat32(arg) {
  if (typeof arg == 'string') {
    const o = arg;
    arg = Number(arg);
    if (Number.isNaN(arg) && o !== 'NaN') {
      throw new Error('invalid float32: ' + o);
    }
  } else if (typeof arg != 'number') {
    throw new Error('invalid float32: ' + typeof arg);
  }
  if (!Number.isFinite(Math.fround(arg)) && Number.isFinite(arg)) {
    throw new Error('invalid float32: ' + arg);
  }
}

// node_modules/.pnpm/@ag-ui+proto@1.0.0/node_modules/@ag-ui/proto/dist/index.mjs
var NullValue = /* @__PURE__ */ ((NullValue2) => {
  NullValue2[(NullValue2['NULL_VALUE'] = 0)] = 'NULL_VALUE';
  NullValue2[(NullValue2['UNRECOGNIZED'] = -1)] = 'UNRECOGNIZED';
  return NullValue2;
})({});
function createBaseStruct() {
  return { fields: {} };
}
var Struct = {
  encode(message, writer = new BinaryWriter()) {
    Object.entries(message.fields).forEach(([key, value]) => {
      if (value !== void 0)
        Struct_FieldsEntry.encode(
          {
            key,
            value,
          },
          writer.uint32(10).fork(),
        ).join();
    });
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseStruct();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1: {
          if (tag !== 10) break;
          const entry1 = Struct_FieldsEntry.decode(reader, reader.uint32());
          if (entry1.value !== void 0) message.fields[entry1.key] = entry1.value;
          continue;
        }
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Struct.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseStruct();
    message.fields = Object.entries(object2.fields ?? {}).reduce((acc, [key, value]) => {
      if (value !== void 0) acc[key] = value;
      return acc;
    }, {});
    return message;
  },
  wrap(object2) {
    const struct = createBaseStruct();
    if (object2 !== void 0) for (const key of Object.keys(object2)) struct.fields[key] = object2[key];
    return struct;
  },
  unwrap(message) {
    const object2 = {};
    if (message.fields) for (const key of Object.keys(message.fields)) object2[key] = message.fields[key];
    return object2;
  },
};
function createBaseStruct_FieldsEntry() {
  return {
    key: '',
    value: void 0,
  };
}
var Struct_FieldsEntry = {
  encode(message, writer = new BinaryWriter()) {
    if (message.key !== '') writer.uint32(10).string(message.key);
    if (message.value !== void 0) Value.encode(Value.wrap(message.value), writer.uint32(18).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseStruct_FieldsEntry();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.key = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.value = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Struct_FieldsEntry.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseStruct_FieldsEntry();
    message.key = object2.key ?? '';
    message.value = object2.value ?? void 0;
    return message;
  },
};
function createBaseValue() {
  return {
    nullValue: void 0,
    numberValue: void 0,
    stringValue: void 0,
    boolValue: void 0,
    structValue: void 0,
    listValue: void 0,
  };
}
var Value = {
  encode(message, writer = new BinaryWriter()) {
    if (message.nullValue !== void 0) writer.uint32(8).int32(message.nullValue);
    if (message.numberValue !== void 0) writer.uint32(17).double(message.numberValue);
    if (message.stringValue !== void 0) writer.uint32(26).string(message.stringValue);
    if (message.boolValue !== void 0) writer.uint32(32).bool(message.boolValue);
    if (message.structValue !== void 0)
      Struct.encode(Struct.wrap(message.structValue), writer.uint32(42).fork()).join();
    if (message.listValue !== void 0)
      ListValue.encode(ListValue.wrap(message.listValue), writer.uint32(50).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseValue();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 8) break;
          message.nullValue = reader.int32();
          continue;
        case 2:
          if (tag !== 17) break;
          message.numberValue = reader.double();
          continue;
        case 3:
          if (tag !== 26) break;
          message.stringValue = reader.string();
          continue;
        case 4:
          if (tag !== 32) break;
          message.boolValue = reader.bool();
          continue;
        case 5:
          if (tag !== 42) break;
          message.structValue = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
        case 6:
          if (tag !== 50) break;
          message.listValue = ListValue.unwrap(ListValue.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Value.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseValue();
    message.nullValue = object2.nullValue ?? void 0;
    message.numberValue = object2.numberValue ?? void 0;
    message.stringValue = object2.stringValue ?? void 0;
    message.boolValue = object2.boolValue ?? void 0;
    message.structValue = object2.structValue ?? void 0;
    message.listValue = object2.listValue ?? void 0;
    return message;
  },
  wrap(value) {
    const result = createBaseValue();
    if (value === null) result.nullValue = NullValue.NULL_VALUE;
    else if (typeof value === 'boolean') result.boolValue = value;
    else if (typeof value === 'number') result.numberValue = value;
    else if (typeof value === 'string') result.stringValue = value;
    else if (globalThis.Array.isArray(value)) result.listValue = value;
    else if (typeof value === 'object') result.structValue = value;
    else if (typeof value !== 'undefined') throw new globalThis.Error('Unsupported any value type: ' + typeof value);
    return result;
  },
  unwrap(message) {
    if (message.stringValue !== void 0) return message.stringValue;
    else if (message?.numberValue !== void 0) return message.numberValue;
    else if (message?.boolValue !== void 0) return message.boolValue;
    else if (message?.structValue !== void 0) return message.structValue;
    else if (message?.listValue !== void 0) return message.listValue;
    else if (message?.nullValue !== void 0) return null;
  },
};
function createBaseListValue() {
  return { values: [] };
}
var ListValue = {
  encode(message, writer = new BinaryWriter()) {
    for (const v of message.values) Value.encode(Value.wrap(v), writer.uint32(10).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseListValue();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.values.push(Value.unwrap(Value.decode(reader, reader.uint32())));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ListValue.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseListValue();
    message.values = object2.values?.map((e) => e) || [];
    return message;
  },
  wrap(array2) {
    const result = createBaseListValue();
    result.values = array2 ?? [];
    return result;
  },
  unwrap(message) {
    if (message?.hasOwnProperty('values') && globalThis.Array.isArray(message.values)) return message.values;
    else return message;
  },
};
var JsonPatchOperationType = /* @__PURE__ */ ((JsonPatchOperationType2) => {
  JsonPatchOperationType2[(JsonPatchOperationType2['ADD'] = 0)] = 'ADD';
  JsonPatchOperationType2[(JsonPatchOperationType2['REMOVE'] = 1)] = 'REMOVE';
  JsonPatchOperationType2[(JsonPatchOperationType2['REPLACE'] = 2)] = 'REPLACE';
  JsonPatchOperationType2[(JsonPatchOperationType2['MOVE'] = 3)] = 'MOVE';
  JsonPatchOperationType2[(JsonPatchOperationType2['COPY'] = 4)] = 'COPY';
  JsonPatchOperationType2[(JsonPatchOperationType2['TEST'] = 5)] = 'TEST';
  JsonPatchOperationType2[(JsonPatchOperationType2['UNRECOGNIZED'] = -1)] = 'UNRECOGNIZED';
  return JsonPatchOperationType2;
})({});
function createBaseJsonPatchOperation() {
  return {
    op: 0,
    path: '',
    from: void 0,
    value: void 0,
  };
}
var JsonPatchOperation = {
  encode(message, writer = new BinaryWriter()) {
    if (message.op !== 0) writer.uint32(8).int32(message.op);
    if (message.path !== '') writer.uint32(18).string(message.path);
    if (message.from !== void 0) writer.uint32(26).string(message.from);
    if (message.value !== void 0) Value.encode(Value.wrap(message.value), writer.uint32(34).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseJsonPatchOperation();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 8) break;
          message.op = reader.int32();
          continue;
        case 2:
          if (tag !== 18) break;
          message.path = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.from = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.value = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return JsonPatchOperation.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseJsonPatchOperation();
    message.op = object2.op ?? 0;
    message.path = object2.path ?? '';
    message.from = object2.from ?? void 0;
    message.value = object2.value ?? void 0;
    return message;
  },
};
function createBaseTextInputPart() {
  return {
    text: '',
    id: void 0,
    metadata: void 0,
  };
}
var TextInputPart = {
  encode(message, writer = new BinaryWriter()) {
    if (message.text !== '') writer.uint32(10).string(message.text);
    if (message.id !== void 0) writer.uint32(18).string(message.id);
    if (message.metadata !== void 0) Value.encode(Value.wrap(message.metadata), writer.uint32(26).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseTextInputPart();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.text = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.id = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.metadata = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return TextInputPart.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseTextInputPart();
    message.text = object2.text ?? '';
    message.id = object2.id ?? void 0;
    message.metadata = object2.metadata ?? void 0;
    return message;
  },
};
function createBaseImageInputPart() {
  return {
    source: void 0,
    metadata: void 0,
    id: void 0,
  };
}
var ImageInputPart = {
  encode(message, writer = new BinaryWriter()) {
    if (message.source !== void 0) InputContentSource.encode(message.source, writer.uint32(10).fork()).join();
    if (message.metadata !== void 0) Value.encode(Value.wrap(message.metadata), writer.uint32(18).fork()).join();
    if (message.id !== void 0) writer.uint32(26).string(message.id);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseImageInputPart();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.source = InputContentSource.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.metadata = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.id = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ImageInputPart.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseImageInputPart();
    message.source =
      object2.source !== void 0 && object2.source !== null ? InputContentSource.fromPartial(object2.source) : void 0;
    message.metadata = object2.metadata ?? void 0;
    message.id = object2.id ?? void 0;
    return message;
  },
};
function createBaseInputContentDataSource() {
  return {
    value: '',
    mimeType: '',
  };
}
var InputContentDataSource = {
  encode(message, writer = new BinaryWriter()) {
    if (message.value !== '') writer.uint32(10).string(message.value);
    if (message.mimeType !== '') writer.uint32(18).string(message.mimeType);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseInputContentDataSource();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.value = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.mimeType = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return InputContentDataSource.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseInputContentDataSource();
    message.value = object2.value ?? '';
    message.mimeType = object2.mimeType ?? '';
    return message;
  },
};
function createBaseInputContentUrlSource() {
  return {
    value: '',
    mimeType: void 0,
  };
}
var InputContentUrlSource = {
  encode(message, writer = new BinaryWriter()) {
    if (message.value !== '') writer.uint32(10).string(message.value);
    if (message.mimeType !== void 0) writer.uint32(18).string(message.mimeType);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseInputContentUrlSource();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.value = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.mimeType = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return InputContentUrlSource.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseInputContentUrlSource();
    message.value = object2.value ?? '';
    message.mimeType = object2.mimeType ?? void 0;
    return message;
  },
};
function createBaseInputContentFileSource() {
  return {
    value: '',
    provider: void 0,
    mimeType: void 0,
  };
}
var InputContentFileSource = {
  encode(message, writer = new BinaryWriter()) {
    if (message.value !== '') writer.uint32(10).string(message.value);
    if (message.provider !== void 0) writer.uint32(18).string(message.provider);
    if (message.mimeType !== void 0) writer.uint32(26).string(message.mimeType);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseInputContentFileSource();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.value = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.provider = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.mimeType = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return InputContentFileSource.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseInputContentFileSource();
    message.value = object2.value ?? '';
    message.provider = object2.provider ?? void 0;
    message.mimeType = object2.mimeType ?? void 0;
    return message;
  },
};
function createBaseInputContentSource() {
  return {
    data: void 0,
    url: void 0,
    file: void 0,
  };
}
var InputContentSource = {
  encode(message, writer = new BinaryWriter()) {
    if (message.data !== void 0) InputContentDataSource.encode(message.data, writer.uint32(10).fork()).join();
    if (message.url !== void 0) InputContentUrlSource.encode(message.url, writer.uint32(18).fork()).join();
    if (message.file !== void 0) InputContentFileSource.encode(message.file, writer.uint32(26).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseInputContentSource();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.data = InputContentDataSource.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.url = InputContentUrlSource.decode(reader, reader.uint32());
          continue;
        case 3:
          if (tag !== 26) break;
          message.file = InputContentFileSource.decode(reader, reader.uint32());
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return InputContentSource.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseInputContentSource();
    message.data =
      object2.data !== void 0 && object2.data !== null ? InputContentDataSource.fromPartial(object2.data) : void 0;
    message.url =
      object2.url !== void 0 && object2.url !== null ? InputContentUrlSource.fromPartial(object2.url) : void 0;
    message.file =
      object2.file !== void 0 && object2.file !== null ? InputContentFileSource.fromPartial(object2.file) : void 0;
    return message;
  },
};
function createBaseAudioInputPart() {
  return {
    source: void 0,
    metadata: void 0,
    id: void 0,
  };
}
var AudioInputPart = {
  encode(message, writer = new BinaryWriter()) {
    if (message.source !== void 0) InputContentSource.encode(message.source, writer.uint32(10).fork()).join();
    if (message.metadata !== void 0) Value.encode(Value.wrap(message.metadata), writer.uint32(18).fork()).join();
    if (message.id !== void 0) writer.uint32(26).string(message.id);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseAudioInputPart();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.source = InputContentSource.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.metadata = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.id = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return AudioInputPart.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseAudioInputPart();
    message.source =
      object2.source !== void 0 && object2.source !== null ? InputContentSource.fromPartial(object2.source) : void 0;
    message.metadata = object2.metadata ?? void 0;
    message.id = object2.id ?? void 0;
    return message;
  },
};
function createBaseVideoInputPart() {
  return {
    source: void 0,
    metadata: void 0,
    id: void 0,
  };
}
var VideoInputPart = {
  encode(message, writer = new BinaryWriter()) {
    if (message.source !== void 0) InputContentSource.encode(message.source, writer.uint32(10).fork()).join();
    if (message.metadata !== void 0) Value.encode(Value.wrap(message.metadata), writer.uint32(18).fork()).join();
    if (message.id !== void 0) writer.uint32(26).string(message.id);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseVideoInputPart();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.source = InputContentSource.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.metadata = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.id = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return VideoInputPart.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseVideoInputPart();
    message.source =
      object2.source !== void 0 && object2.source !== null ? InputContentSource.fromPartial(object2.source) : void 0;
    message.metadata = object2.metadata ?? void 0;
    message.id = object2.id ?? void 0;
    return message;
  },
};
function createBaseDocumentInputPart() {
  return {
    source: void 0,
    metadata: void 0,
    id: void 0,
  };
}
var DocumentInputPart = {
  encode(message, writer = new BinaryWriter()) {
    if (message.source !== void 0) InputContentSource.encode(message.source, writer.uint32(10).fork()).join();
    if (message.metadata !== void 0) Value.encode(Value.wrap(message.metadata), writer.uint32(18).fork()).join();
    if (message.id !== void 0) writer.uint32(26).string(message.id);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseDocumentInputPart();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.source = InputContentSource.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.metadata = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.id = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return DocumentInputPart.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseDocumentInputPart();
    message.source =
      object2.source !== void 0 && object2.source !== null ? InputContentSource.fromPartial(object2.source) : void 0;
    message.metadata = object2.metadata ?? void 0;
    message.id = object2.id ?? void 0;
    return message;
  },
};
function createBaseInputContent() {
  return {
    text: void 0,
    image: void 0,
    audio: void 0,
    video: void 0,
    document: void 0,
  };
}
var InputContent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.text !== void 0) TextInputPart.encode(message.text, writer.uint32(10).fork()).join();
    if (message.image !== void 0) ImageInputPart.encode(message.image, writer.uint32(18).fork()).join();
    if (message.audio !== void 0) AudioInputPart.encode(message.audio, writer.uint32(26).fork()).join();
    if (message.video !== void 0) VideoInputPart.encode(message.video, writer.uint32(34).fork()).join();
    if (message.document !== void 0) DocumentInputPart.encode(message.document, writer.uint32(42).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseInputContent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.text = TextInputPart.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.image = ImageInputPart.decode(reader, reader.uint32());
          continue;
        case 3:
          if (tag !== 26) break;
          message.audio = AudioInputPart.decode(reader, reader.uint32());
          continue;
        case 4:
          if (tag !== 34) break;
          message.video = VideoInputPart.decode(reader, reader.uint32());
          continue;
        case 5:
          if (tag !== 42) break;
          message.document = DocumentInputPart.decode(reader, reader.uint32());
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return InputContent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseInputContent();
    message.text = object2.text !== void 0 && object2.text !== null ? TextInputPart.fromPartial(object2.text) : void 0;
    message.image =
      object2.image !== void 0 && object2.image !== null ? ImageInputPart.fromPartial(object2.image) : void 0;
    message.audio =
      object2.audio !== void 0 && object2.audio !== null ? AudioInputPart.fromPartial(object2.audio) : void 0;
    message.video =
      object2.video !== void 0 && object2.video !== null ? VideoInputPart.fromPartial(object2.video) : void 0;
    message.document =
      object2.document !== void 0 && object2.document !== null
        ? DocumentInputPart.fromPartial(object2.document)
        : void 0;
    return message;
  },
};
function createBaseToolCall() {
  return {
    id: '',
    type: '',
    function: void 0,
    metadata: void 0,
    encryptedValue: void 0,
  };
}
var ToolCall = {
  encode(message, writer = new BinaryWriter()) {
    if (message.id !== '') writer.uint32(10).string(message.id);
    if (message.type !== '') writer.uint32(18).string(message.type);
    if (message.function !== void 0) ToolCall_Function.encode(message.function, writer.uint32(26).fork()).join();
    if (message.metadata !== void 0) Struct.encode(Struct.wrap(message.metadata), writer.uint32(34).fork()).join();
    if (message.encryptedValue !== void 0) writer.uint32(42).string(message.encryptedValue);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCall();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.id = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.type = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.function = ToolCall_Function.decode(reader, reader.uint32());
          continue;
        case 4:
          if (tag !== 34) break;
          message.metadata = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
        case 5:
          if (tag !== 42) break;
          message.encryptedValue = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCall.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCall();
    message.id = object2.id ?? '';
    message.type = object2.type ?? '';
    message.function =
      object2.function !== void 0 && object2.function !== null
        ? ToolCall_Function.fromPartial(object2.function)
        : void 0;
    message.metadata = object2.metadata ?? void 0;
    message.encryptedValue = object2.encryptedValue ?? void 0;
    return message;
  },
};
function createBaseToolCall_Function() {
  return {
    name: '',
    arguments: '',
  };
}
var ToolCall_Function = {
  encode(message, writer = new BinaryWriter()) {
    if (message.name !== '') writer.uint32(10).string(message.name);
    if (message.arguments !== '') writer.uint32(18).string(message.arguments);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCall_Function();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.name = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.arguments = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCall_Function.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCall_Function();
    message.name = object2.name ?? '';
    message.arguments = object2.arguments ?? '';
    return message;
  },
};
function createBaseMessage() {
  return {
    id: '',
    role: '',
    content: void 0,
    name: void 0,
    toolCalls: [],
    toolCallId: void 0,
    error: void 0,
    contentParts: [],
    metadata: void 0,
    subagentRunId: void 0,
    encryptedValue: void 0,
    activityType: void 0,
    activityContent: void 0,
  };
}
var Message = {
  encode(message, writer = new BinaryWriter()) {
    if (message.id !== '') writer.uint32(10).string(message.id);
    if (message.role !== '') writer.uint32(18).string(message.role);
    if (message.content !== void 0) writer.uint32(26).string(message.content);
    if (message.name !== void 0) writer.uint32(34).string(message.name);
    for (const v of message.toolCalls) ToolCall.encode(v, writer.uint32(42).fork()).join();
    if (message.toolCallId !== void 0) writer.uint32(50).string(message.toolCallId);
    if (message.error !== void 0) writer.uint32(58).string(message.error);
    for (const v of message.contentParts) InputContent.encode(v, writer.uint32(66).fork()).join();
    if (message.metadata !== void 0) Struct.encode(Struct.wrap(message.metadata), writer.uint32(74).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(82).string(message.subagentRunId);
    if (message.encryptedValue !== void 0) writer.uint32(90).string(message.encryptedValue);
    if (message.activityType !== void 0) writer.uint32(98).string(message.activityType);
    if (message.activityContent !== void 0)
      Struct.encode(Struct.wrap(message.activityContent), writer.uint32(106).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseMessage();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.id = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.role = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.content = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.name = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.toolCalls.push(ToolCall.decode(reader, reader.uint32()));
          continue;
        case 6:
          if (tag !== 50) break;
          message.toolCallId = reader.string();
          continue;
        case 7:
          if (tag !== 58) break;
          message.error = reader.string();
          continue;
        case 8:
          if (tag !== 66) break;
          message.contentParts.push(InputContent.decode(reader, reader.uint32()));
          continue;
        case 9:
          if (tag !== 74) break;
          message.metadata = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
        case 10:
          if (tag !== 82) break;
          message.subagentRunId = reader.string();
          continue;
        case 11:
          if (tag !== 90) break;
          message.encryptedValue = reader.string();
          continue;
        case 12:
          if (tag !== 98) break;
          message.activityType = reader.string();
          continue;
        case 13:
          if (tag !== 106) break;
          message.activityContent = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Message.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseMessage();
    message.id = object2.id ?? '';
    message.role = object2.role ?? '';
    message.content = object2.content ?? void 0;
    message.name = object2.name ?? void 0;
    message.toolCalls = object2.toolCalls?.map((e) => ToolCall.fromPartial(e)) || [];
    message.toolCallId = object2.toolCallId ?? void 0;
    message.error = object2.error ?? void 0;
    message.contentParts = object2.contentParts?.map((e) => InputContent.fromPartial(e)) || [];
    message.metadata = object2.metadata ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.encryptedValue = object2.encryptedValue ?? void 0;
    message.activityType = object2.activityType ?? void 0;
    message.activityContent = object2.activityContent ?? void 0;
    return message;
  },
};
function createBaseTool() {
  return {
    name: '',
    description: '',
    parameters: void 0,
    metadata: void 0,
  };
}
var Tool = {
  encode(message, writer = new BinaryWriter()) {
    if (message.name !== '') writer.uint32(10).string(message.name);
    if (message.description !== '') writer.uint32(18).string(message.description);
    if (message.parameters !== void 0) Value.encode(Value.wrap(message.parameters), writer.uint32(26).fork()).join();
    if (message.metadata !== void 0) Struct.encode(Struct.wrap(message.metadata), writer.uint32(34).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseTool();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.name = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.description = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.parameters = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 4:
          if (tag !== 34) break;
          message.metadata = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Tool.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseTool();
    message.name = object2.name ?? '';
    message.description = object2.description ?? '';
    message.parameters = object2.parameters ?? void 0;
    message.metadata = object2.metadata ?? void 0;
    return message;
  },
};
function createBaseContext() {
  return {
    description: '',
    value: '',
  };
}
var Context = {
  encode(message, writer = new BinaryWriter()) {
    if (message.description !== '') writer.uint32(10).string(message.description);
    if (message.value !== '') writer.uint32(18).string(message.value);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseContext();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.description = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.value = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Context.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseContext();
    message.description = object2.description ?? '';
    message.value = object2.value ?? '';
    return message;
  },
};
function createBaseResumeEntry() {
  return {
    interruptId: '',
    status: '',
    payload: void 0,
    metadata: void 0,
  };
}
var ResumeEntry = {
  encode(message, writer = new BinaryWriter()) {
    if (message.interruptId !== '') writer.uint32(10).string(message.interruptId);
    if (message.status !== '') writer.uint32(18).string(message.status);
    if (message.payload !== void 0) Value.encode(Value.wrap(message.payload), writer.uint32(26).fork()).join();
    if (message.metadata !== void 0) Struct.encode(Struct.wrap(message.metadata), writer.uint32(34).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseResumeEntry();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.interruptId = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.status = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.payload = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 4:
          if (tag !== 34) break;
          message.metadata = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ResumeEntry.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseResumeEntry();
    message.interruptId = object2.interruptId ?? '';
    message.status = object2.status ?? '';
    message.payload = object2.payload ?? void 0;
    message.metadata = object2.metadata ?? void 0;
    return message;
  },
};
function createBaseRunAgentInput() {
  return {
    threadId: '',
    runId: '',
    parentRunId: void 0,
    state: void 0,
    messages: [],
    tools: [],
    context: [],
    forwardedProps: void 0,
    resume: [],
    protocolVersion: void 0,
  };
}
var RunAgentInput = {
  encode(message, writer = new BinaryWriter()) {
    if (message.threadId !== '') writer.uint32(10).string(message.threadId);
    if (message.runId !== '') writer.uint32(18).string(message.runId);
    if (message.parentRunId !== void 0) writer.uint32(26).string(message.parentRunId);
    if (message.state !== void 0) Value.encode(Value.wrap(message.state), writer.uint32(34).fork()).join();
    for (const v of message.messages) Message.encode(v, writer.uint32(42).fork()).join();
    for (const v of message.tools) Tool.encode(v, writer.uint32(50).fork()).join();
    for (const v of message.context) Context.encode(v, writer.uint32(58).fork()).join();
    if (message.forwardedProps !== void 0)
      Value.encode(Value.wrap(message.forwardedProps), writer.uint32(66).fork()).join();
    for (const v of message.resume) ResumeEntry.encode(v, writer.uint32(74).fork()).join();
    if (message.protocolVersion !== void 0) writer.uint32(82).string(message.protocolVersion);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseRunAgentInput();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.threadId = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.runId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.parentRunId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.state = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 5:
          if (tag !== 42) break;
          message.messages.push(Message.decode(reader, reader.uint32()));
          continue;
        case 6:
          if (tag !== 50) break;
          message.tools.push(Tool.decode(reader, reader.uint32()));
          continue;
        case 7:
          if (tag !== 58) break;
          message.context.push(Context.decode(reader, reader.uint32()));
          continue;
        case 8:
          if (tag !== 66) break;
          message.forwardedProps = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 9:
          if (tag !== 74) break;
          message.resume.push(ResumeEntry.decode(reader, reader.uint32()));
          continue;
        case 10:
          if (tag !== 82) break;
          message.protocolVersion = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return RunAgentInput.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseRunAgentInput();
    message.threadId = object2.threadId ?? '';
    message.runId = object2.runId ?? '';
    message.parentRunId = object2.parentRunId ?? void 0;
    message.state = object2.state ?? void 0;
    message.messages = object2.messages?.map((e) => Message.fromPartial(e)) || [];
    message.tools = object2.tools?.map((e) => Tool.fromPartial(e)) || [];
    message.context = object2.context?.map((e) => Context.fromPartial(e)) || [];
    message.forwardedProps = object2.forwardedProps ?? void 0;
    message.resume = object2.resume?.map((e) => ResumeEntry.fromPartial(e)) || [];
    message.protocolVersion = object2.protocolVersion ?? void 0;
    return message;
  },
};
function createBaseInterrupt() {
  return {
    id: '',
    reason: '',
    message: void 0,
    toolCallId: void 0,
    responseSchema: void 0,
    expiresAt: void 0,
    metadata: void 0,
    subagentRunId: void 0,
  };
}
var Interrupt = {
  encode(message, writer = new BinaryWriter()) {
    if (message.id !== '') writer.uint32(10).string(message.id);
    if (message.reason !== '') writer.uint32(18).string(message.reason);
    if (message.message !== void 0) writer.uint32(26).string(message.message);
    if (message.toolCallId !== void 0) writer.uint32(34).string(message.toolCallId);
    if (message.responseSchema !== void 0)
      Value.encode(Value.wrap(message.responseSchema), writer.uint32(42).fork()).join();
    if (message.expiresAt !== void 0) writer.uint32(50).string(message.expiresAt);
    if (message.metadata !== void 0) Value.encode(Value.wrap(message.metadata), writer.uint32(58).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(66).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseInterrupt();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.id = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.reason = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.message = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.toolCallId = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.responseSchema = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 6:
          if (tag !== 50) break;
          message.expiresAt = reader.string();
          continue;
        case 7:
          if (tag !== 58) break;
          message.metadata = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 8:
          if (tag !== 66) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Interrupt.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseInterrupt();
    message.id = object2.id ?? '';
    message.reason = object2.reason ?? '';
    message.message = object2.message ?? void 0;
    message.toolCallId = object2.toolCallId ?? void 0;
    message.responseSchema = object2.responseSchema ?? void 0;
    message.expiresAt = object2.expiresAt ?? void 0;
    message.metadata = object2.metadata ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
var EventType$1 = /* @__PURE__ */ ((EventType2) => {
  EventType2[(EventType2['TEXT_MESSAGE_START'] = 0)] = 'TEXT_MESSAGE_START';
  EventType2[(EventType2['TEXT_MESSAGE_CONTENT'] = 1)] = 'TEXT_MESSAGE_CONTENT';
  EventType2[(EventType2['TEXT_MESSAGE_END'] = 2)] = 'TEXT_MESSAGE_END';
  EventType2[(EventType2['TOOL_CALL_START'] = 3)] = 'TOOL_CALL_START';
  EventType2[(EventType2['TOOL_CALL_ARGS'] = 4)] = 'TOOL_CALL_ARGS';
  EventType2[(EventType2['TOOL_CALL_END'] = 5)] = 'TOOL_CALL_END';
  EventType2[(EventType2['STATE_SNAPSHOT'] = 6)] = 'STATE_SNAPSHOT';
  EventType2[(EventType2['STATE_DELTA'] = 7)] = 'STATE_DELTA';
  EventType2[(EventType2['MESSAGES_SNAPSHOT'] = 8)] = 'MESSAGES_SNAPSHOT';
  EventType2[(EventType2['RAW'] = 9)] = 'RAW';
  EventType2[(EventType2['CUSTOM'] = 10)] = 'CUSTOM';
  EventType2[(EventType2['RUN_STARTED'] = 11)] = 'RUN_STARTED';
  EventType2[(EventType2['RUN_FINISHED'] = 12)] = 'RUN_FINISHED';
  EventType2[(EventType2['RUN_ERROR'] = 13)] = 'RUN_ERROR';
  EventType2[(EventType2['STEP_STARTED'] = 14)] = 'STEP_STARTED';
  EventType2[(EventType2['STEP_FINISHED'] = 15)] = 'STEP_FINISHED';
  EventType2[(EventType2['SUBAGENT_STARTED'] = 16)] = 'SUBAGENT_STARTED';
  EventType2[(EventType2['SUBAGENT_FINISHED'] = 17)] = 'SUBAGENT_FINISHED';
  EventType2[(EventType2['SUBAGENT_ERROR'] = 18)] = 'SUBAGENT_ERROR';
  EventType2[(EventType2['TEXT_MESSAGE_CHUNK'] = 19)] = 'TEXT_MESSAGE_CHUNK';
  EventType2[(EventType2['TOOL_CALL_CHUNK'] = 20)] = 'TOOL_CALL_CHUNK';
  EventType2[(EventType2['TOOL_CALL_RESULT'] = 21)] = 'TOOL_CALL_RESULT';
  EventType2[(EventType2['ACTIVITY_SNAPSHOT'] = 22)] = 'ACTIVITY_SNAPSHOT';
  EventType2[(EventType2['ACTIVITY_DELTA'] = 23)] = 'ACTIVITY_DELTA';
  EventType2[(EventType2['REASONING_START'] = 24)] = 'REASONING_START';
  EventType2[(EventType2['REASONING_MESSAGE_START'] = 25)] = 'REASONING_MESSAGE_START';
  EventType2[(EventType2['REASONING_MESSAGE_CONTENT'] = 26)] = 'REASONING_MESSAGE_CONTENT';
  EventType2[(EventType2['REASONING_MESSAGE_END'] = 27)] = 'REASONING_MESSAGE_END';
  EventType2[(EventType2['REASONING_MESSAGE_CHUNK'] = 28)] = 'REASONING_MESSAGE_CHUNK';
  EventType2[(EventType2['REASONING_END'] = 29)] = 'REASONING_END';
  EventType2[(EventType2['REASONING_ENCRYPTED_VALUE'] = 30)] = 'REASONING_ENCRYPTED_VALUE';
  EventType2[(EventType2['UNRECOGNIZED'] = -1)] = 'UNRECOGNIZED';
  return EventType2;
})({});
function createBaseBaseEvent() {
  return {
    type: 0,
    timestamp: void 0,
    rawEvent: void 0,
    metadata: void 0,
  };
}
var BaseEvent$1 = {
  encode(message, writer = new BinaryWriter()) {
    if (message.type !== 0) writer.uint32(8).int32(message.type);
    if (message.timestamp !== void 0) writer.uint32(16).int64(message.timestamp);
    if (message.rawEvent !== void 0) Value.encode(Value.wrap(message.rawEvent), writer.uint32(26).fork()).join();
    if (message.metadata !== void 0) Struct.encode(Struct.wrap(message.metadata), writer.uint32(34).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseBaseEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 8) break;
          message.type = reader.int32();
          continue;
        case 2:
          if (tag !== 16) break;
          message.timestamp = longToNumber(reader.int64());
          continue;
        case 3:
          if (tag !== 26) break;
          message.rawEvent = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 4:
          if (tag !== 34) break;
          message.metadata = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return BaseEvent$1.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseBaseEvent();
    message.type = object2.type ?? 0;
    message.timestamp = object2.timestamp ?? void 0;
    message.rawEvent = object2.rawEvent ?? void 0;
    message.metadata = object2.metadata ?? void 0;
    return message;
  },
};
function createBaseTextMessageStartEvent() {
  return {
    baseEvent: void 0,
    messageId: '',
    role: void 0,
    name: void 0,
    subagentRunId: void 0,
  };
}
var TextMessageStartEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.messageId !== '') writer.uint32(18).string(message.messageId);
    if (message.role !== void 0) writer.uint32(26).string(message.role);
    if (message.name !== void 0) writer.uint32(34).string(message.name);
    if (message.subagentRunId !== void 0) writer.uint32(42).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseTextMessageStartEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.messageId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.role = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.name = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return TextMessageStartEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseTextMessageStartEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.messageId = object2.messageId ?? '';
    message.role = object2.role ?? void 0;
    message.name = object2.name ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseTextMessageContentEvent() {
  return {
    baseEvent: void 0,
    messageId: '',
    delta: '',
    subagentRunId: void 0,
  };
}
var TextMessageContentEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.messageId !== '') writer.uint32(18).string(message.messageId);
    if (message.delta !== '') writer.uint32(26).string(message.delta);
    if (message.subagentRunId !== void 0) writer.uint32(34).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseTextMessageContentEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.messageId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.delta = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return TextMessageContentEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseTextMessageContentEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.messageId = object2.messageId ?? '';
    message.delta = object2.delta ?? '';
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseTextMessageEndEvent() {
  return {
    baseEvent: void 0,
    messageId: '',
    subagentRunId: void 0,
  };
}
var TextMessageEndEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.messageId !== '') writer.uint32(18).string(message.messageId);
    if (message.subagentRunId !== void 0) writer.uint32(26).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseTextMessageEndEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.messageId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return TextMessageEndEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseTextMessageEndEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.messageId = object2.messageId ?? '';
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseTextMessageChunkEvent() {
  return {
    baseEvent: void 0,
    messageId: void 0,
    role: void 0,
    delta: void 0,
    name: void 0,
    subagentRunId: void 0,
  };
}
var TextMessageChunkEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.messageId !== void 0) writer.uint32(18).string(message.messageId);
    if (message.role !== void 0) writer.uint32(26).string(message.role);
    if (message.delta !== void 0) writer.uint32(34).string(message.delta);
    if (message.name !== void 0) writer.uint32(42).string(message.name);
    if (message.subagentRunId !== void 0) writer.uint32(50).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseTextMessageChunkEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.messageId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.role = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.delta = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.name = reader.string();
          continue;
        case 6:
          if (tag !== 50) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return TextMessageChunkEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseTextMessageChunkEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.messageId = object2.messageId ?? void 0;
    message.role = object2.role ?? void 0;
    message.delta = object2.delta ?? void 0;
    message.name = object2.name ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseToolCallStartEvent() {
  return {
    baseEvent: void 0,
    toolCallId: '',
    toolCallName: '',
    parentMessageId: void 0,
    subagentRunId: void 0,
  };
}
var ToolCallStartEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.toolCallId !== '') writer.uint32(18).string(message.toolCallId);
    if (message.toolCallName !== '') writer.uint32(26).string(message.toolCallName);
    if (message.parentMessageId !== void 0) writer.uint32(34).string(message.parentMessageId);
    if (message.subagentRunId !== void 0) writer.uint32(42).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCallStartEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.toolCallId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.toolCallName = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.parentMessageId = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCallStartEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCallStartEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.toolCallId = object2.toolCallId ?? '';
    message.toolCallName = object2.toolCallName ?? '';
    message.parentMessageId = object2.parentMessageId ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseToolCallArgsEvent() {
  return {
    baseEvent: void 0,
    toolCallId: '',
    delta: '',
    subagentRunId: void 0,
  };
}
var ToolCallArgsEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.toolCallId !== '') writer.uint32(18).string(message.toolCallId);
    if (message.delta !== '') writer.uint32(26).string(message.delta);
    if (message.subagentRunId !== void 0) writer.uint32(34).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCallArgsEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.toolCallId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.delta = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCallArgsEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCallArgsEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.toolCallId = object2.toolCallId ?? '';
    message.delta = object2.delta ?? '';
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseToolCallEndEvent() {
  return {
    baseEvent: void 0,
    toolCallId: '',
    subagentRunId: void 0,
  };
}
var ToolCallEndEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.toolCallId !== '') writer.uint32(18).string(message.toolCallId);
    if (message.subagentRunId !== void 0) writer.uint32(26).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCallEndEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.toolCallId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCallEndEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCallEndEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.toolCallId = object2.toolCallId ?? '';
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseToolCallChunkEvent() {
  return {
    baseEvent: void 0,
    toolCallId: void 0,
    toolCallName: void 0,
    parentMessageId: void 0,
    delta: void 0,
    subagentRunId: void 0,
  };
}
var ToolCallChunkEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.toolCallId !== void 0) writer.uint32(18).string(message.toolCallId);
    if (message.toolCallName !== void 0) writer.uint32(26).string(message.toolCallName);
    if (message.parentMessageId !== void 0) writer.uint32(34).string(message.parentMessageId);
    if (message.delta !== void 0) writer.uint32(42).string(message.delta);
    if (message.subagentRunId !== void 0) writer.uint32(50).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCallChunkEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.toolCallId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.toolCallName = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.parentMessageId = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.delta = reader.string();
          continue;
        case 6:
          if (tag !== 50) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCallChunkEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCallChunkEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.toolCallId = object2.toolCallId ?? void 0;
    message.toolCallName = object2.toolCallName ?? void 0;
    message.parentMessageId = object2.parentMessageId ?? void 0;
    message.delta = object2.delta ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseToolCallResultEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
    toolCallId: '',
    content: void 0,
    role: void 0,
    contentParts: [],
  };
}
var ToolCallResultEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    if (message.toolCallId !== '') writer.uint32(34).string(message.toolCallId);
    if (message.content !== void 0) writer.uint32(42).string(message.content);
    if (message.role !== void 0) writer.uint32(50).string(message.role);
    for (const v of message.contentParts) InputContent.encode(v, writer.uint32(58).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseToolCallResultEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.toolCallId = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.content = reader.string();
          continue;
        case 6:
          if (tag !== 50) break;
          message.role = reader.string();
          continue;
        case 7:
          if (tag !== 58) break;
          message.contentParts.push(InputContent.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ToolCallResultEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseToolCallResultEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    message.toolCallId = object2.toolCallId ?? '';
    message.content = object2.content ?? void 0;
    message.role = object2.role ?? void 0;
    message.contentParts = object2.contentParts?.map((e) => InputContent.fromPartial(e)) || [];
    return message;
  },
};
function createBaseStateSnapshotEvent() {
  return {
    baseEvent: void 0,
    snapshot: void 0,
    subagentRunId: void 0,
  };
}
var StateSnapshotEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.snapshot !== void 0) Value.encode(Value.wrap(message.snapshot), writer.uint32(18).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(26).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseStateSnapshotEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.snapshot = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return StateSnapshotEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseStateSnapshotEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.snapshot = object2.snapshot ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseStateDeltaEvent() {
  return {
    baseEvent: void 0,
    delta: [],
    subagentRunId: void 0,
  };
}
var StateDeltaEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    for (const v of message.delta) JsonPatchOperation.encode(v, writer.uint32(18).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(26).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseStateDeltaEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.delta.push(JsonPatchOperation.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return StateDeltaEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseStateDeltaEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.delta = object2.delta?.map((e) => JsonPatchOperation.fromPartial(e)) || [];
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseMessagesSnapshotEvent() {
  return {
    baseEvent: void 0,
    messages: [],
  };
}
var MessagesSnapshotEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    for (const v of message.messages) Message.encode(v, writer.uint32(18).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseMessagesSnapshotEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.messages.push(Message.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return MessagesSnapshotEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseMessagesSnapshotEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.messages = object2.messages?.map((e) => Message.fromPartial(e)) || [];
    return message;
  },
};
function createBaseActivitySnapshotEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
    activityType: '',
    content: void 0,
    replace: void 0,
  };
}
var ActivitySnapshotEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    if (message.activityType !== '') writer.uint32(34).string(message.activityType);
    if (message.content !== void 0) Struct.encode(Struct.wrap(message.content), writer.uint32(42).fork()).join();
    if (message.replace !== void 0) writer.uint32(48).bool(message.replace);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseActivitySnapshotEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.activityType = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.content = Struct.unwrap(Struct.decode(reader, reader.uint32()));
          continue;
        case 6:
          if (tag !== 48) break;
          message.replace = reader.bool();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ActivitySnapshotEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseActivitySnapshotEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    message.activityType = object2.activityType ?? '';
    message.content = object2.content ?? void 0;
    message.replace = object2.replace ?? void 0;
    return message;
  },
};
function createBaseActivityDeltaEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
    activityType: '',
    patch: [],
  };
}
var ActivityDeltaEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    if (message.activityType !== '') writer.uint32(34).string(message.activityType);
    for (const v of message.patch) JsonPatchOperation.encode(v, writer.uint32(42).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseActivityDeltaEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.activityType = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.patch.push(JsonPatchOperation.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ActivityDeltaEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseActivityDeltaEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    message.activityType = object2.activityType ?? '';
    message.patch = object2.patch?.map((e) => JsonPatchOperation.fromPartial(e)) || [];
    return message;
  },
};
function createBaseRawEvent() {
  return {
    baseEvent: void 0,
    event: void 0,
    source: void 0,
    subagentRunId: void 0,
  };
}
var RawEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.event !== void 0) Value.encode(Value.wrap(message.event), writer.uint32(18).fork()).join();
    if (message.source !== void 0) writer.uint32(26).string(message.source);
    if (message.subagentRunId !== void 0) writer.uint32(34).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseRawEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.event = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 3:
          if (tag !== 26) break;
          message.source = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return RawEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseRawEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.event = object2.event ?? void 0;
    message.source = object2.source ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseCustomEvent() {
  return {
    baseEvent: void 0,
    name: '',
    value: void 0,
    subagentRunId: void 0,
  };
}
var CustomEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.name !== '') writer.uint32(18).string(message.name);
    if (message.value !== void 0) Value.encode(Value.wrap(message.value), writer.uint32(26).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(34).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseCustomEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.name = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.value = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 4:
          if (tag !== 34) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return CustomEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseCustomEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.name = object2.name ?? '';
    message.value = object2.value ?? void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseRunStartedEvent() {
  return {
    baseEvent: void 0,
    threadId: '',
    runId: '',
    parentRunId: void 0,
    input: void 0,
    protocolVersion: void 0,
  };
}
var RunStartedEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.threadId !== '') writer.uint32(18).string(message.threadId);
    if (message.runId !== '') writer.uint32(26).string(message.runId);
    if (message.parentRunId !== void 0) writer.uint32(34).string(message.parentRunId);
    if (message.input !== void 0) RunAgentInput.encode(message.input, writer.uint32(42).fork()).join();
    if (message.protocolVersion !== void 0) writer.uint32(50).string(message.protocolVersion);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseRunStartedEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.threadId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.runId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.parentRunId = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.input = RunAgentInput.decode(reader, reader.uint32());
          continue;
        case 6:
          if (tag !== 50) break;
          message.protocolVersion = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return RunStartedEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseRunStartedEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.threadId = object2.threadId ?? '';
    message.runId = object2.runId ?? '';
    message.parentRunId = object2.parentRunId ?? void 0;
    message.input =
      object2.input !== void 0 && object2.input !== null ? RunAgentInput.fromPartial(object2.input) : void 0;
    message.protocolVersion = object2.protocolVersion ?? void 0;
    return message;
  },
};
function createBaseRunFinishedEvent() {
  return {
    baseEvent: void 0,
    threadId: '',
    runId: '',
    result: void 0,
    outcome: '',
    interrupts: [],
    usage: [],
    pendingToolCallIds: [],
  };
}
var RunFinishedEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.threadId !== '') writer.uint32(18).string(message.threadId);
    if (message.runId !== '') writer.uint32(26).string(message.runId);
    if (message.result !== void 0) Value.encode(Value.wrap(message.result), writer.uint32(34).fork()).join();
    if (message.outcome !== '') writer.uint32(42).string(message.outcome);
    for (const v of message.interrupts) Interrupt.encode(v, writer.uint32(50).fork()).join();
    for (const v of message.usage) Usage.encode(v, writer.uint32(58).fork()).join();
    for (const v of message.pendingToolCallIds) writer.uint32(66).string(v);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseRunFinishedEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.threadId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.runId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.result = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 5:
          if (tag !== 42) break;
          message.outcome = reader.string();
          continue;
        case 6:
          if (tag !== 50) break;
          message.interrupts.push(Interrupt.decode(reader, reader.uint32()));
          continue;
        case 7:
          if (tag !== 58) break;
          message.usage.push(Usage.decode(reader, reader.uint32()));
          continue;
        case 8:
          if (tag !== 66) break;
          message.pendingToolCallIds.push(reader.string());
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return RunFinishedEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseRunFinishedEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.threadId = object2.threadId ?? '';
    message.runId = object2.runId ?? '';
    message.result = object2.result ?? void 0;
    message.outcome = object2.outcome ?? '';
    message.interrupts = object2.interrupts?.map((e) => Interrupt.fromPartial(e)) || [];
    message.usage = object2.usage?.map((e) => Usage.fromPartial(e)) || [];
    message.pendingToolCallIds = object2.pendingToolCallIds?.map((e) => e) || [];
    return message;
  },
};
function createBaseRunErrorEvent() {
  return {
    baseEvent: void 0,
    code: void 0,
    message: '',
    usage: [],
  };
}
var RunErrorEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.code !== void 0) writer.uint32(18).string(message.code);
    if (message.message !== '') writer.uint32(26).string(message.message);
    for (const v of message.usage) Usage.encode(v, writer.uint32(34).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseRunErrorEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.code = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.message = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.usage.push(Usage.decode(reader, reader.uint32()));
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return RunErrorEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseRunErrorEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.code = object2.code ?? void 0;
    message.message = object2.message ?? '';
    message.usage = object2.usage?.map((e) => Usage.fromPartial(e)) || [];
    return message;
  },
};
function createBaseStepStartedEvent() {
  return {
    baseEvent: void 0,
    stepName: '',
    subagentRunId: void 0,
  };
}
var StepStartedEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.stepName !== '') writer.uint32(18).string(message.stepName);
    if (message.subagentRunId !== void 0) writer.uint32(26).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseStepStartedEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.stepName = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return StepStartedEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseStepStartedEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.stepName = object2.stepName ?? '';
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseStepFinishedEvent() {
  return {
    baseEvent: void 0,
    stepName: '',
    subagentRunId: void 0,
  };
}
var StepFinishedEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.stepName !== '') writer.uint32(18).string(message.stepName);
    if (message.subagentRunId !== void 0) writer.uint32(26).string(message.subagentRunId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseStepFinishedEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.stepName = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.subagentRunId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return StepFinishedEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseStepFinishedEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.stepName = object2.stepName ?? '';
    message.subagentRunId = object2.subagentRunId ?? void 0;
    return message;
  },
};
function createBaseReasoningStartEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
  };
}
var ReasoningStartEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningStartEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningStartEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningStartEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    return message;
  },
};
function createBaseReasoningMessageStartEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
    role: '',
  };
}
var ReasoningMessageStartEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    if (message.role !== '') writer.uint32(34).string(message.role);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningMessageStartEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.role = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningMessageStartEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningMessageStartEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    message.role = object2.role ?? '';
    return message;
  },
};
function createBaseReasoningMessageContentEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
    delta: '',
  };
}
var ReasoningMessageContentEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    if (message.delta !== '') writer.uint32(34).string(message.delta);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningMessageContentEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.delta = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningMessageContentEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningMessageContentEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    message.delta = object2.delta ?? '';
    return message;
  },
};
function createBaseReasoningMessageEndEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
  };
}
var ReasoningMessageEndEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningMessageEndEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningMessageEndEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningMessageEndEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    return message;
  },
};
function createBaseReasoningMessageChunkEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: void 0,
    delta: void 0,
  };
}
var ReasoningMessageChunkEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== void 0) writer.uint32(26).string(message.messageId);
    if (message.delta !== void 0) writer.uint32(34).string(message.delta);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningMessageChunkEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.delta = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningMessageChunkEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningMessageChunkEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? void 0;
    message.delta = object2.delta ?? void 0;
    return message;
  },
};
function createBaseReasoningEndEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    messageId: '',
  };
}
var ReasoningEndEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.messageId !== '') writer.uint32(26).string(message.messageId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningEndEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.messageId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningEndEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningEndEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.messageId = object2.messageId ?? '';
    return message;
  },
};
function createBaseReasoningEncryptedValueEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: void 0,
    subtype: '',
    entityId: '',
    encryptedValue: '',
  };
}
var ReasoningEncryptedValueEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== void 0) writer.uint32(18).string(message.subagentRunId);
    if (message.subtype !== '') writer.uint32(26).string(message.subtype);
    if (message.entityId !== '') writer.uint32(34).string(message.entityId);
    if (message.encryptedValue !== '') writer.uint32(42).string(message.encryptedValue);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseReasoningEncryptedValueEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.subtype = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.entityId = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.encryptedValue = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return ReasoningEncryptedValueEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseReasoningEncryptedValueEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? void 0;
    message.subtype = object2.subtype ?? '';
    message.entityId = object2.entityId ?? '';
    message.encryptedValue = object2.encryptedValue ?? '';
    return message;
  },
};
function createBaseSubagentStartedEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: '',
    name: '',
    description: void 0,
    parentSubagentRunId: void 0,
    parentToolCallId: void 0,
    parentMessageId: void 0,
  };
}
var SubagentStartedEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== '') writer.uint32(18).string(message.subagentRunId);
    if (message.name !== '') writer.uint32(26).string(message.name);
    if (message.description !== void 0) writer.uint32(34).string(message.description);
    if (message.parentSubagentRunId !== void 0) writer.uint32(42).string(message.parentSubagentRunId);
    if (message.parentToolCallId !== void 0) writer.uint32(50).string(message.parentToolCallId);
    if (message.parentMessageId !== void 0) writer.uint32(58).string(message.parentMessageId);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseSubagentStartedEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.name = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.description = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.parentSubagentRunId = reader.string();
          continue;
        case 6:
          if (tag !== 50) break;
          message.parentToolCallId = reader.string();
          continue;
        case 7:
          if (tag !== 58) break;
          message.parentMessageId = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return SubagentStartedEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseSubagentStartedEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? '';
    message.name = object2.name ?? '';
    message.description = object2.description ?? void 0;
    message.parentSubagentRunId = object2.parentSubagentRunId ?? void 0;
    message.parentToolCallId = object2.parentToolCallId ?? void 0;
    message.parentMessageId = object2.parentMessageId ?? void 0;
    return message;
  },
};
function createBaseSubagentFinishedEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: '',
    result: void 0,
    outcome: '',
    interruptIds: [],
  };
}
var SubagentFinishedEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== '') writer.uint32(18).string(message.subagentRunId);
    if (message.result !== void 0) Value.encode(Value.wrap(message.result), writer.uint32(26).fork()).join();
    if (message.outcome !== '') writer.uint32(34).string(message.outcome);
    for (const v of message.interruptIds) writer.uint32(42).string(v);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseSubagentFinishedEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.result = Value.unwrap(Value.decode(reader, reader.uint32()));
          continue;
        case 4:
          if (tag !== 34) break;
          message.outcome = reader.string();
          continue;
        case 5:
          if (tag !== 42) break;
          message.interruptIds.push(reader.string());
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return SubagentFinishedEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseSubagentFinishedEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? '';
    message.result = object2.result ?? void 0;
    message.outcome = object2.outcome ?? '';
    message.interruptIds = object2.interruptIds?.map((e) => e) || [];
    return message;
  },
};
function createBaseSubagentErrorEvent() {
  return {
    baseEvent: void 0,
    subagentRunId: '',
    message: '',
    code: void 0,
  };
}
var SubagentErrorEvent = {
  encode(message, writer = new BinaryWriter()) {
    if (message.baseEvent !== void 0) BaseEvent$1.encode(message.baseEvent, writer.uint32(10).fork()).join();
    if (message.subagentRunId !== '') writer.uint32(18).string(message.subagentRunId);
    if (message.message !== '') writer.uint32(26).string(message.message);
    if (message.code !== void 0) writer.uint32(34).string(message.code);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseSubagentErrorEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.baseEvent = BaseEvent$1.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.subagentRunId = reader.string();
          continue;
        case 3:
          if (tag !== 26) break;
          message.message = reader.string();
          continue;
        case 4:
          if (tag !== 34) break;
          message.code = reader.string();
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return SubagentErrorEvent.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseSubagentErrorEvent();
    message.baseEvent =
      object2.baseEvent !== void 0 && object2.baseEvent !== null ? BaseEvent$1.fromPartial(object2.baseEvent) : void 0;
    message.subagentRunId = object2.subagentRunId ?? '';
    message.message = object2.message ?? '';
    message.code = object2.code ?? void 0;
    return message;
  },
};
function createBaseEvent() {
  return {
    textMessageStart: void 0,
    textMessageContent: void 0,
    textMessageEnd: void 0,
    toolCallStart: void 0,
    toolCallArgs: void 0,
    toolCallEnd: void 0,
    stateSnapshot: void 0,
    stateDelta: void 0,
    messagesSnapshot: void 0,
    raw: void 0,
    custom: void 0,
    runStarted: void 0,
    runFinished: void 0,
    runError: void 0,
    stepStarted: void 0,
    stepFinished: void 0,
    textMessageChunk: void 0,
    toolCallChunk: void 0,
    subagentStarted: void 0,
    subagentFinished: void 0,
    subagentError: void 0,
    toolCallResult: void 0,
    activitySnapshot: void 0,
    activityDelta: void 0,
    reasoningStart: void 0,
    reasoningMessageStart: void 0,
    reasoningMessageContent: void 0,
    reasoningMessageEnd: void 0,
    reasoningMessageChunk: void 0,
    reasoningEnd: void 0,
    reasoningEncryptedValue: void 0,
  };
}
var Event = {
  encode(message, writer = new BinaryWriter()) {
    if (message.textMessageStart !== void 0)
      TextMessageStartEvent.encode(message.textMessageStart, writer.uint32(10).fork()).join();
    if (message.textMessageContent !== void 0)
      TextMessageContentEvent.encode(message.textMessageContent, writer.uint32(18).fork()).join();
    if (message.textMessageEnd !== void 0)
      TextMessageEndEvent.encode(message.textMessageEnd, writer.uint32(26).fork()).join();
    if (message.toolCallStart !== void 0)
      ToolCallStartEvent.encode(message.toolCallStart, writer.uint32(34).fork()).join();
    if (message.toolCallArgs !== void 0)
      ToolCallArgsEvent.encode(message.toolCallArgs, writer.uint32(42).fork()).join();
    if (message.toolCallEnd !== void 0) ToolCallEndEvent.encode(message.toolCallEnd, writer.uint32(50).fork()).join();
    if (message.stateSnapshot !== void 0)
      StateSnapshotEvent.encode(message.stateSnapshot, writer.uint32(58).fork()).join();
    if (message.stateDelta !== void 0) StateDeltaEvent.encode(message.stateDelta, writer.uint32(66).fork()).join();
    if (message.messagesSnapshot !== void 0)
      MessagesSnapshotEvent.encode(message.messagesSnapshot, writer.uint32(74).fork()).join();
    if (message.raw !== void 0) RawEvent.encode(message.raw, writer.uint32(82).fork()).join();
    if (message.custom !== void 0) CustomEvent.encode(message.custom, writer.uint32(90).fork()).join();
    if (message.runStarted !== void 0) RunStartedEvent.encode(message.runStarted, writer.uint32(98).fork()).join();
    if (message.runFinished !== void 0) RunFinishedEvent.encode(message.runFinished, writer.uint32(106).fork()).join();
    if (message.runError !== void 0) RunErrorEvent.encode(message.runError, writer.uint32(114).fork()).join();
    if (message.stepStarted !== void 0) StepStartedEvent.encode(message.stepStarted, writer.uint32(122).fork()).join();
    if (message.stepFinished !== void 0)
      StepFinishedEvent.encode(message.stepFinished, writer.uint32(130).fork()).join();
    if (message.textMessageChunk !== void 0)
      TextMessageChunkEvent.encode(message.textMessageChunk, writer.uint32(138).fork()).join();
    if (message.toolCallChunk !== void 0)
      ToolCallChunkEvent.encode(message.toolCallChunk, writer.uint32(146).fork()).join();
    if (message.subagentStarted !== void 0)
      SubagentStartedEvent.encode(message.subagentStarted, writer.uint32(154).fork()).join();
    if (message.subagentFinished !== void 0)
      SubagentFinishedEvent.encode(message.subagentFinished, writer.uint32(162).fork()).join();
    if (message.subagentError !== void 0)
      SubagentErrorEvent.encode(message.subagentError, writer.uint32(170).fork()).join();
    if (message.toolCallResult !== void 0)
      ToolCallResultEvent.encode(message.toolCallResult, writer.uint32(178).fork()).join();
    if (message.activitySnapshot !== void 0)
      ActivitySnapshotEvent.encode(message.activitySnapshot, writer.uint32(186).fork()).join();
    if (message.activityDelta !== void 0)
      ActivityDeltaEvent.encode(message.activityDelta, writer.uint32(194).fork()).join();
    if (message.reasoningStart !== void 0)
      ReasoningStartEvent.encode(message.reasoningStart, writer.uint32(202).fork()).join();
    if (message.reasoningMessageStart !== void 0)
      ReasoningMessageStartEvent.encode(message.reasoningMessageStart, writer.uint32(210).fork()).join();
    if (message.reasoningMessageContent !== void 0)
      ReasoningMessageContentEvent.encode(message.reasoningMessageContent, writer.uint32(218).fork()).join();
    if (message.reasoningMessageEnd !== void 0)
      ReasoningMessageEndEvent.encode(message.reasoningMessageEnd, writer.uint32(226).fork()).join();
    if (message.reasoningMessageChunk !== void 0)
      ReasoningMessageChunkEvent.encode(message.reasoningMessageChunk, writer.uint32(234).fork()).join();
    if (message.reasoningEnd !== void 0)
      ReasoningEndEvent.encode(message.reasoningEnd, writer.uint32(242).fork()).join();
    if (message.reasoningEncryptedValue !== void 0)
      ReasoningEncryptedValueEvent.encode(message.reasoningEncryptedValue, writer.uint32(250).fork()).join();
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseEvent();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.textMessageStart = TextMessageStartEvent.decode(reader, reader.uint32());
          continue;
        case 2:
          if (tag !== 18) break;
          message.textMessageContent = TextMessageContentEvent.decode(reader, reader.uint32());
          continue;
        case 3:
          if (tag !== 26) break;
          message.textMessageEnd = TextMessageEndEvent.decode(reader, reader.uint32());
          continue;
        case 4:
          if (tag !== 34) break;
          message.toolCallStart = ToolCallStartEvent.decode(reader, reader.uint32());
          continue;
        case 5:
          if (tag !== 42) break;
          message.toolCallArgs = ToolCallArgsEvent.decode(reader, reader.uint32());
          continue;
        case 6:
          if (tag !== 50) break;
          message.toolCallEnd = ToolCallEndEvent.decode(reader, reader.uint32());
          continue;
        case 7:
          if (tag !== 58) break;
          message.stateSnapshot = StateSnapshotEvent.decode(reader, reader.uint32());
          continue;
        case 8:
          if (tag !== 66) break;
          message.stateDelta = StateDeltaEvent.decode(reader, reader.uint32());
          continue;
        case 9:
          if (tag !== 74) break;
          message.messagesSnapshot = MessagesSnapshotEvent.decode(reader, reader.uint32());
          continue;
        case 10:
          if (tag !== 82) break;
          message.raw = RawEvent.decode(reader, reader.uint32());
          continue;
        case 11:
          if (tag !== 90) break;
          message.custom = CustomEvent.decode(reader, reader.uint32());
          continue;
        case 12:
          if (tag !== 98) break;
          message.runStarted = RunStartedEvent.decode(reader, reader.uint32());
          continue;
        case 13:
          if (tag !== 106) break;
          message.runFinished = RunFinishedEvent.decode(reader, reader.uint32());
          continue;
        case 14:
          if (tag !== 114) break;
          message.runError = RunErrorEvent.decode(reader, reader.uint32());
          continue;
        case 15:
          if (tag !== 122) break;
          message.stepStarted = StepStartedEvent.decode(reader, reader.uint32());
          continue;
        case 16:
          if (tag !== 130) break;
          message.stepFinished = StepFinishedEvent.decode(reader, reader.uint32());
          continue;
        case 17:
          if (tag !== 138) break;
          message.textMessageChunk = TextMessageChunkEvent.decode(reader, reader.uint32());
          continue;
        case 18:
          if (tag !== 146) break;
          message.toolCallChunk = ToolCallChunkEvent.decode(reader, reader.uint32());
          continue;
        case 19:
          if (tag !== 154) break;
          message.subagentStarted = SubagentStartedEvent.decode(reader, reader.uint32());
          continue;
        case 20:
          if (tag !== 162) break;
          message.subagentFinished = SubagentFinishedEvent.decode(reader, reader.uint32());
          continue;
        case 21:
          if (tag !== 170) break;
          message.subagentError = SubagentErrorEvent.decode(reader, reader.uint32());
          continue;
        case 22:
          if (tag !== 178) break;
          message.toolCallResult = ToolCallResultEvent.decode(reader, reader.uint32());
          continue;
        case 23:
          if (tag !== 186) break;
          message.activitySnapshot = ActivitySnapshotEvent.decode(reader, reader.uint32());
          continue;
        case 24:
          if (tag !== 194) break;
          message.activityDelta = ActivityDeltaEvent.decode(reader, reader.uint32());
          continue;
        case 25:
          if (tag !== 202) break;
          message.reasoningStart = ReasoningStartEvent.decode(reader, reader.uint32());
          continue;
        case 26:
          if (tag !== 210) break;
          message.reasoningMessageStart = ReasoningMessageStartEvent.decode(reader, reader.uint32());
          continue;
        case 27:
          if (tag !== 218) break;
          message.reasoningMessageContent = ReasoningMessageContentEvent.decode(reader, reader.uint32());
          continue;
        case 28:
          if (tag !== 226) break;
          message.reasoningMessageEnd = ReasoningMessageEndEvent.decode(reader, reader.uint32());
          continue;
        case 29:
          if (tag !== 234) break;
          message.reasoningMessageChunk = ReasoningMessageChunkEvent.decode(reader, reader.uint32());
          continue;
        case 30:
          if (tag !== 242) break;
          message.reasoningEnd = ReasoningEndEvent.decode(reader, reader.uint32());
          continue;
        case 31:
          if (tag !== 250) break;
          message.reasoningEncryptedValue = ReasoningEncryptedValueEvent.decode(reader, reader.uint32());
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Event.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseEvent();
    message.textMessageStart =
      object2.textMessageStart !== void 0 && object2.textMessageStart !== null
        ? TextMessageStartEvent.fromPartial(object2.textMessageStart)
        : void 0;
    message.textMessageContent =
      object2.textMessageContent !== void 0 && object2.textMessageContent !== null
        ? TextMessageContentEvent.fromPartial(object2.textMessageContent)
        : void 0;
    message.textMessageEnd =
      object2.textMessageEnd !== void 0 && object2.textMessageEnd !== null
        ? TextMessageEndEvent.fromPartial(object2.textMessageEnd)
        : void 0;
    message.toolCallStart =
      object2.toolCallStart !== void 0 && object2.toolCallStart !== null
        ? ToolCallStartEvent.fromPartial(object2.toolCallStart)
        : void 0;
    message.toolCallArgs =
      object2.toolCallArgs !== void 0 && object2.toolCallArgs !== null
        ? ToolCallArgsEvent.fromPartial(object2.toolCallArgs)
        : void 0;
    message.toolCallEnd =
      object2.toolCallEnd !== void 0 && object2.toolCallEnd !== null
        ? ToolCallEndEvent.fromPartial(object2.toolCallEnd)
        : void 0;
    message.stateSnapshot =
      object2.stateSnapshot !== void 0 && object2.stateSnapshot !== null
        ? StateSnapshotEvent.fromPartial(object2.stateSnapshot)
        : void 0;
    message.stateDelta =
      object2.stateDelta !== void 0 && object2.stateDelta !== null
        ? StateDeltaEvent.fromPartial(object2.stateDelta)
        : void 0;
    message.messagesSnapshot =
      object2.messagesSnapshot !== void 0 && object2.messagesSnapshot !== null
        ? MessagesSnapshotEvent.fromPartial(object2.messagesSnapshot)
        : void 0;
    message.raw = object2.raw !== void 0 && object2.raw !== null ? RawEvent.fromPartial(object2.raw) : void 0;
    message.custom =
      object2.custom !== void 0 && object2.custom !== null ? CustomEvent.fromPartial(object2.custom) : void 0;
    message.runStarted =
      object2.runStarted !== void 0 && object2.runStarted !== null
        ? RunStartedEvent.fromPartial(object2.runStarted)
        : void 0;
    message.runFinished =
      object2.runFinished !== void 0 && object2.runFinished !== null
        ? RunFinishedEvent.fromPartial(object2.runFinished)
        : void 0;
    message.runError =
      object2.runError !== void 0 && object2.runError !== null ? RunErrorEvent.fromPartial(object2.runError) : void 0;
    message.stepStarted =
      object2.stepStarted !== void 0 && object2.stepStarted !== null
        ? StepStartedEvent.fromPartial(object2.stepStarted)
        : void 0;
    message.stepFinished =
      object2.stepFinished !== void 0 && object2.stepFinished !== null
        ? StepFinishedEvent.fromPartial(object2.stepFinished)
        : void 0;
    message.textMessageChunk =
      object2.textMessageChunk !== void 0 && object2.textMessageChunk !== null
        ? TextMessageChunkEvent.fromPartial(object2.textMessageChunk)
        : void 0;
    message.toolCallChunk =
      object2.toolCallChunk !== void 0 && object2.toolCallChunk !== null
        ? ToolCallChunkEvent.fromPartial(object2.toolCallChunk)
        : void 0;
    message.subagentStarted =
      object2.subagentStarted !== void 0 && object2.subagentStarted !== null
        ? SubagentStartedEvent.fromPartial(object2.subagentStarted)
        : void 0;
    message.subagentFinished =
      object2.subagentFinished !== void 0 && object2.subagentFinished !== null
        ? SubagentFinishedEvent.fromPartial(object2.subagentFinished)
        : void 0;
    message.subagentError =
      object2.subagentError !== void 0 && object2.subagentError !== null
        ? SubagentErrorEvent.fromPartial(object2.subagentError)
        : void 0;
    message.toolCallResult =
      object2.toolCallResult !== void 0 && object2.toolCallResult !== null
        ? ToolCallResultEvent.fromPartial(object2.toolCallResult)
        : void 0;
    message.activitySnapshot =
      object2.activitySnapshot !== void 0 && object2.activitySnapshot !== null
        ? ActivitySnapshotEvent.fromPartial(object2.activitySnapshot)
        : void 0;
    message.activityDelta =
      object2.activityDelta !== void 0 && object2.activityDelta !== null
        ? ActivityDeltaEvent.fromPartial(object2.activityDelta)
        : void 0;
    message.reasoningStart =
      object2.reasoningStart !== void 0 && object2.reasoningStart !== null
        ? ReasoningStartEvent.fromPartial(object2.reasoningStart)
        : void 0;
    message.reasoningMessageStart =
      object2.reasoningMessageStart !== void 0 && object2.reasoningMessageStart !== null
        ? ReasoningMessageStartEvent.fromPartial(object2.reasoningMessageStart)
        : void 0;
    message.reasoningMessageContent =
      object2.reasoningMessageContent !== void 0 && object2.reasoningMessageContent !== null
        ? ReasoningMessageContentEvent.fromPartial(object2.reasoningMessageContent)
        : void 0;
    message.reasoningMessageEnd =
      object2.reasoningMessageEnd !== void 0 && object2.reasoningMessageEnd !== null
        ? ReasoningMessageEndEvent.fromPartial(object2.reasoningMessageEnd)
        : void 0;
    message.reasoningMessageChunk =
      object2.reasoningMessageChunk !== void 0 && object2.reasoningMessageChunk !== null
        ? ReasoningMessageChunkEvent.fromPartial(object2.reasoningMessageChunk)
        : void 0;
    message.reasoningEnd =
      object2.reasoningEnd !== void 0 && object2.reasoningEnd !== null
        ? ReasoningEndEvent.fromPartial(object2.reasoningEnd)
        : void 0;
    message.reasoningEncryptedValue =
      object2.reasoningEncryptedValue !== void 0 && object2.reasoningEncryptedValue !== null
        ? ReasoningEncryptedValueEvent.fromPartial(object2.reasoningEncryptedValue)
        : void 0;
    return message;
  },
};
function createBaseUsage() {
  return {
    provider: void 0,
    model: void 0,
    inputTokens: void 0,
    outputTokens: void 0,
    totalTokens: void 0,
    reasoningTokens: void 0,
    cachedInputTokens: void 0,
    cacheWriteInputTokens: void 0,
  };
}
var Usage = {
  encode(message, writer = new BinaryWriter()) {
    if (message.provider !== void 0) writer.uint32(10).string(message.provider);
    if (message.model !== void 0) writer.uint32(18).string(message.model);
    if (message.inputTokens !== void 0) writer.uint32(24).int64(message.inputTokens);
    if (message.outputTokens !== void 0) writer.uint32(32).int64(message.outputTokens);
    if (message.totalTokens !== void 0) writer.uint32(40).int64(message.totalTokens);
    if (message.reasoningTokens !== void 0) writer.uint32(48).int64(message.reasoningTokens);
    if (message.cachedInputTokens !== void 0) writer.uint32(56).int64(message.cachedInputTokens);
    if (message.cacheWriteInputTokens !== void 0) writer.uint32(64).int64(message.cacheWriteInputTokens);
    return writer;
  },
  decode(input2, length) {
    const reader = input2 instanceof BinaryReader ? input2 : new BinaryReader(input2);
    const end = length === void 0 ? reader.len : reader.pos + length;
    const message = createBaseUsage();
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (tag !== 10) break;
          message.provider = reader.string();
          continue;
        case 2:
          if (tag !== 18) break;
          message.model = reader.string();
          continue;
        case 3:
          if (tag !== 24) break;
          message.inputTokens = longToNumber(reader.int64());
          continue;
        case 4:
          if (tag !== 32) break;
          message.outputTokens = longToNumber(reader.int64());
          continue;
        case 5:
          if (tag !== 40) break;
          message.totalTokens = longToNumber(reader.int64());
          continue;
        case 6:
          if (tag !== 48) break;
          message.reasoningTokens = longToNumber(reader.int64());
          continue;
        case 7:
          if (tag !== 56) break;
          message.cachedInputTokens = longToNumber(reader.int64());
          continue;
        case 8:
          if (tag !== 64) break;
          message.cacheWriteInputTokens = longToNumber(reader.int64());
          continue;
      }
      if ((tag & 7) === 4 || tag === 0) break;
      reader.skip(tag & 7);
    }
    return message;
  },
  create(base) {
    return Usage.fromPartial(base ?? {});
  },
  fromPartial(object2) {
    const message = createBaseUsage();
    message.provider = object2.provider ?? void 0;
    message.model = object2.model ?? void 0;
    message.inputTokens = object2.inputTokens ?? void 0;
    message.outputTokens = object2.outputTokens ?? void 0;
    message.totalTokens = object2.totalTokens ?? void 0;
    message.reasoningTokens = object2.reasoningTokens ?? void 0;
    message.cachedInputTokens = object2.cachedInputTokens ?? void 0;
    message.cacheWriteInputTokens = object2.cacheWriteInputTokens ?? void 0;
    return message;
  },
};
function longToNumber(int642) {
  const num = globalThis.Number(int642.toString());
  if (num > globalThis.Number.MAX_SAFE_INTEGER)
    throw new globalThis.Error('Value is larger than Number.MAX_SAFE_INTEGER');
  if (num < globalThis.Number.MIN_SAFE_INTEGER)
    throw new globalThis.Error('Value is smaller than Number.MIN_SAFE_INTEGER');
  return num;
}
var asRecord = (value) => (value && typeof value === 'object' ? value : void 0);
var asArray = (value) => (Array.isArray(value) ? value : []);
var suppressWarnings = () =>
  typeof process !== 'undefined' &&
  typeof process.env !== 'undefined' &&
  Boolean(process.env.SUPPRESS_TRANSFORMATION_WARNINGS);
var warnDroppedContentPart = () => {
  if (suppressWarnings()) return;
  console.warn(
    '[ag-ui][proto] Dropped a content part this build does not know: the protocol has a variant this SDK predates.',
  );
};
var KNOWN_TO_CORE = new Set(Object.values(EventType));
var ENVELOPE_TYPE = {
  textMessageStart: 'TEXT_MESSAGE_START',
  textMessageContent: 'TEXT_MESSAGE_CONTENT',
  textMessageEnd: 'TEXT_MESSAGE_END',
  textMessageChunk: 'TEXT_MESSAGE_CHUNK',
  toolCallStart: 'TOOL_CALL_START',
  toolCallArgs: 'TOOL_CALL_ARGS',
  toolCallEnd: 'TOOL_CALL_END',
  toolCallChunk: 'TOOL_CALL_CHUNK',
  toolCallResult: 'TOOL_CALL_RESULT',
  stateSnapshot: 'STATE_SNAPSHOT',
  stateDelta: 'STATE_DELTA',
  messagesSnapshot: 'MESSAGES_SNAPSHOT',
  activitySnapshot: 'ACTIVITY_SNAPSHOT',
  activityDelta: 'ACTIVITY_DELTA',
  raw: 'RAW',
  custom: 'CUSTOM',
  runStarted: 'RUN_STARTED',
  runFinished: 'RUN_FINISHED',
  runError: 'RUN_ERROR',
  stepStarted: 'STEP_STARTED',
  stepFinished: 'STEP_FINISHED',
  reasoningStart: 'REASONING_START',
  reasoningMessageStart: 'REASONING_MESSAGE_START',
  reasoningMessageContent: 'REASONING_MESSAGE_CONTENT',
  reasoningMessageEnd: 'REASONING_MESSAGE_END',
  reasoningMessageChunk: 'REASONING_MESSAGE_CHUNK',
  reasoningEnd: 'REASONING_END',
  reasoningEncryptedValue: 'REASONING_ENCRYPTED_VALUE',
  subagentStarted: 'SUBAGENT_STARTED',
  subagentFinished: 'SUBAGENT_FINISHED',
  subagentError: 'SUBAGENT_ERROR',
};
var ENVELOPE_TAGS = /* @__PURE__ */ new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
]);
var fromProtoSource = (source) => {
  const rec = asRecord(source);
  if (!rec) return void 0;
  if ([rec.data, rec.url, rec.file].filter(Boolean).length > 1)
    throw new Error('Invalid event: source carries more than one arm');
  if (rec.data) {
    const wire = rec.data;
    return {
      type: 'data',
      value: wire.value,
      mimeType: wire.mimeType,
    };
  }
  if (rec.url) {
    const wire = rec.url;
    return {
      type: 'url',
      value: wire.value,
      mimeType: wire.mimeType,
    };
  }
  if (rec.file) {
    const wire = rec.file;
    return {
      type: 'file',
      value: wire.value,
      provider: wire.provider,
      mimeType: wire.mimeType,
    };
  }
};
var fromProtoContentPart = (part) => {
  const rec = asRecord(part);
  if (!rec) return void 0;
  if ([rec.text, rec.image, rec.audio, rec.video, rec.document].filter(Boolean).length > 1)
    throw new Error('Invalid event: content part carries more than one arm');
  if (rec.text) {
    const part2 = rec.text;
    return {
      type: 'text',
      id: part2.id,
      text: part2.text,
      metadata: part2.metadata,
    };
  }
  if (rec.image) {
    const part2 = rec.image;
    if (part2.source !== void 0 && fromProtoSource(part2.source) === void 0) return;
    return {
      type: 'image',
      id: part2.id,
      source: fromProtoSource(part2.source),
      metadata: part2.metadata,
    };
  }
  if (rec.audio) {
    const part2 = rec.audio;
    if (part2.source !== void 0 && fromProtoSource(part2.source) === void 0) return;
    return {
      type: 'audio',
      id: part2.id,
      source: fromProtoSource(part2.source),
      metadata: part2.metadata,
    };
  }
  if (rec.video) {
    const part2 = rec.video;
    if (part2.source !== void 0 && fromProtoSource(part2.source) === void 0) return;
    return {
      type: 'video',
      id: part2.id,
      source: fromProtoSource(part2.source),
      metadata: part2.metadata,
    };
  }
  if (rec.document) {
    const part2 = rec.document;
    if (part2.source !== void 0 && fromProtoSource(part2.source) === void 0) return;
    return {
      type: 'document',
      id: part2.id,
      source: fromProtoSource(part2.source),
      metadata: part2.metadata,
    };
  }
};
var MAP_CONTENT_ROLES = /* @__PURE__ */ new Set(['activity']);
var PARTS_CONTENT_ROLES = /* @__PURE__ */ new Set(['user', 'tool']);
var KNOWN_ROLES = /* @__PURE__ */ new Set([
  'developer',
  'system',
  'assistant',
  'user',
  'tool',
  'activity',
  'reasoning',
]);
var fromWireMessage = (value) => {
  const wire = asRecord(value) ?? {};
  const message = { ...wire };
  const role = typeof wire.role === 'string' ? wire.role : '';
  const known = KNOWN_ROLES.has(role);
  const usesParts = known ? PARTS_CONTENT_ROLES.has(role) : asArray(wire.contentParts).length > 0;
  const usesMap = known ? MAP_CONTENT_ROLES.has(role) : !usesParts && wire.activityContent !== void 0;
  if (
    !known &&
    (wire.content !== void 0 ? 1 : 0) +
      (asArray(wire.contentParts).length > 0 ? 1 : 0) +
      (wire.activityContent !== void 0 ? 1 : 0) >
      1
  )
    throw new Error('Invalid event: message carries more than one content form');
  if (known) {
    if (!usesParts && asArray(wire.contentParts).length > 0)
      throw new Error('Invalid event: message carries content parts for a role that has none');
    if (wire.activityContent !== void 0 && !usesMap)
      throw new Error('Invalid event: message carries activity content for a non-activity role');
    if (usesMap && wire.content !== void 0)
      throw new Error('Invalid event: activity content cannot ride with other content forms');
    if (usesParts && wire.content !== void 0 && asArray(wire.contentParts).length > 0)
      throw new Error('Invalid event: message carries both string content and content parts');
  }
  if (usesParts && wire.content === void 0)
    message.content = asArray(wire.contentParts)
      .map((part) => {
        const mapped = fromProtoContentPart(part);
        if (mapped === void 0) warnDroppedContentPart();
        return mapped;
      })
      .filter((part) => part !== void 0);
  if (usesMap && wire.activityContent !== void 0) message.content = wire.activityContent;
  delete message.activityContent;
  delete message.contentParts;
  if (asArray(wire.toolCalls).length === 0) delete message.toolCalls;
  Object.keys(message).forEach((key) => {
    if (message[key] === void 0) delete message[key];
  });
  return message;
};
var dropUndefinedDeep = (value) => {
  if (Array.isArray(value)) {
    for (const entry of value) dropUndefinedDeep(entry);
    return;
  }
  const rec = asRecord(value);
  if (!rec) return;
  for (const key of Object.keys(rec))
    if (rec[key] === void 0) delete rec[key];
    else dropUndefinedDeep(rec[key]);
};
var fromWireRunAgentInput = (value) => {
  const rec = asRecord(value);
  if (!rec) return void 0;
  const output = {};
  if (rec.threadId !== void 0) output.threadId = rec.threadId;
  if (rec.runId !== void 0) output.runId = rec.runId;
  if (rec.protocolVersion !== void 0) output.protocolVersion = rec.protocolVersion;
  if (rec.parentRunId !== void 0) output.parentRunId = rec.parentRunId;
  if (rec.state !== void 0) output.state = rec.state;
  output.messages = asArray(rec.messages)
    .map(fromWireMessage)
    .filter((message) => message !== void 0);
  output.tools = asArray(rec.tools);
  output.context = asArray(rec.context);
  if (rec.forwardedProps !== void 0) output.forwardedProps = rec.forwardedProps;
  output.resume = asArray(rec.resume);
  return output;
};
var SCAN_SPECS = {
  TextMessageStartEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  BaseEvent: {
    singular: /* @__PURE__ */ new Set([3, 4]),
    descend: {},
    google: {
      3: 'google.protobuf.Value',
      4: 'google.protobuf.Struct',
    },
  },
  TextMessageContentEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  TextMessageEndEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ToolCallStartEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ToolCallArgsEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ToolCallEndEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  StateSnapshotEvent: {
    singular: /* @__PURE__ */ new Set([1, 2]),
    descend: { 1: 'BaseEvent' },
    google: { 2: 'google.protobuf.Value' },
  },
  StateDeltaEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: {
      1: 'BaseEvent',
      2: 'JsonPatchOperation',
    },
  },
  JsonPatchOperation: {
    singular: /* @__PURE__ */ new Set([4]),
    descend: {},
    google: { 4: 'google.protobuf.Value' },
  },
  MessagesSnapshotEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: {
      1: 'BaseEvent',
      2: 'Message',
    },
  },
  Message: {
    singular: /* @__PURE__ */ new Set([9, 13]),
    descend: {
      5: 'ToolCall',
      8: 'InputContent',
    },
    google: {
      9: 'google.protobuf.Struct',
      13: 'google.protobuf.Struct',
    },
  },
  ToolCall: {
    singular: /* @__PURE__ */ new Set([3, 4]),
    descend: {},
    google: { 4: 'google.protobuf.Struct' },
  },
  InputContent: {
    singular: /* @__PURE__ */ new Set([1, 2, 3, 4, 5]),
    descend: {
      1: 'TextInputPart',
      2: 'ImageInputPart',
      3: 'AudioInputPart',
      4: 'VideoInputPart',
      5: 'DocumentInputPart',
    },
    arms: /* @__PURE__ */ new Set([1, 2, 3, 4, 5]),
  },
  TextInputPart: {
    singular: /* @__PURE__ */ new Set([3]),
    descend: {},
    google: { 3: 'google.protobuf.Value' },
  },
  ImageInputPart: {
    singular: /* @__PURE__ */ new Set([1, 2]),
    descend: { 1: 'InputContentSource' },
    google: { 2: 'google.protobuf.Value' },
  },
  InputContentSource: {
    singular: /* @__PURE__ */ new Set([1, 2, 3]),
    descend: {},
    arms: /* @__PURE__ */ new Set([1, 2, 3]),
  },
  AudioInputPart: {
    singular: /* @__PURE__ */ new Set([1, 2]),
    descend: { 1: 'InputContentSource' },
    google: { 2: 'google.protobuf.Value' },
  },
  VideoInputPart: {
    singular: /* @__PURE__ */ new Set([1, 2]),
    descend: { 1: 'InputContentSource' },
    google: { 2: 'google.protobuf.Value' },
  },
  DocumentInputPart: {
    singular: /* @__PURE__ */ new Set([1, 2]),
    descend: { 1: 'InputContentSource' },
    google: { 2: 'google.protobuf.Value' },
  },
  RawEvent: {
    singular: /* @__PURE__ */ new Set([1, 2]),
    descend: { 1: 'BaseEvent' },
    google: { 2: 'google.protobuf.Value' },
  },
  CustomEvent: {
    singular: /* @__PURE__ */ new Set([1, 3]),
    descend: { 1: 'BaseEvent' },
    google: { 3: 'google.protobuf.Value' },
  },
  RunStartedEvent: {
    singular: /* @__PURE__ */ new Set([1, 5]),
    descend: {
      1: 'BaseEvent',
      5: 'RunAgentInput',
    },
  },
  RunAgentInput: {
    singular: /* @__PURE__ */ new Set([4, 8]),
    descend: {
      5: 'Message',
      6: 'Tool',
      9: 'ResumeEntry',
    },
    google: {
      4: 'google.protobuf.Value',
      8: 'google.protobuf.Value',
    },
  },
  Tool: {
    singular: /* @__PURE__ */ new Set([3, 4]),
    descend: {},
    google: {
      3: 'google.protobuf.Value',
      4: 'google.protobuf.Struct',
    },
  },
  ResumeEntry: {
    singular: /* @__PURE__ */ new Set([3, 4]),
    descend: {},
    google: {
      3: 'google.protobuf.Value',
      4: 'google.protobuf.Struct',
    },
  },
  RunFinishedEvent: {
    singular: /* @__PURE__ */ new Set([1, 4]),
    descend: {
      1: 'BaseEvent',
      6: 'Interrupt',
    },
    google: { 4: 'google.protobuf.Value' },
  },
  Interrupt: {
    singular: /* @__PURE__ */ new Set([5, 7]),
    descend: {},
    google: {
      5: 'google.protobuf.Value',
      7: 'google.protobuf.Value',
    },
  },
  RunErrorEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  StepStartedEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  StepFinishedEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  TextMessageChunkEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ToolCallChunkEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  SubagentStartedEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  SubagentFinishedEvent: {
    singular: /* @__PURE__ */ new Set([1, 3]),
    descend: { 1: 'BaseEvent' },
    google: { 3: 'google.protobuf.Value' },
  },
  SubagentErrorEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ToolCallResultEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: {
      1: 'BaseEvent',
      7: 'InputContent',
    },
  },
  ActivitySnapshotEvent: {
    singular: /* @__PURE__ */ new Set([1, 5]),
    descend: { 1: 'BaseEvent' },
    google: { 5: 'google.protobuf.Struct' },
  },
  ActivityDeltaEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: {
      1: 'BaseEvent',
      5: 'JsonPatchOperation',
    },
  },
  ReasoningStartEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ReasoningMessageStartEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ReasoningMessageContentEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ReasoningMessageEndEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ReasoningMessageChunkEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ReasoningEndEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  ReasoningEncryptedValueEvent: {
    singular: /* @__PURE__ */ new Set([1]),
    descend: { 1: 'BaseEvent' },
  },
  'google.protobuf.Struct': {
    singular: /* @__PURE__ */ new Set(),
    descend: { 1: 'google.protobuf.Struct.FieldsEntry' },
  },
  'google.protobuf.Struct.FieldsEntry': {
    singular: /* @__PURE__ */ new Set([2]),
    descend: { 2: 'google.protobuf.Value' },
  },
  'google.protobuf.Value': {
    singular: /* @__PURE__ */ new Set([5, 6]),
    descend: {
      5: 'google.protobuf.Struct',
      6: 'google.protobuf.ListValue',
    },
    arms: /* @__PURE__ */ new Set([1, 2, 3, 4, 5, 6]),
    armWireTypes: {
      1: 0,
      2: 1,
      3: 2,
      4: 0,
      5: 2,
      6: 2,
    },
  },
  'google.protobuf.ListValue': {
    singular: /* @__PURE__ */ new Set(),
    descend: { 1: 'google.protobuf.Value' },
  },
};
var ENVELOPE_SCAN = {
  1: 'TextMessageStartEvent',
  2: 'TextMessageContentEvent',
  3: 'TextMessageEndEvent',
  4: 'ToolCallStartEvent',
  5: 'ToolCallArgsEvent',
  6: 'ToolCallEndEvent',
  7: 'StateSnapshotEvent',
  8: 'StateDeltaEvent',
  9: 'MessagesSnapshotEvent',
  10: 'RawEvent',
  11: 'CustomEvent',
  12: 'RunStartedEvent',
  13: 'RunFinishedEvent',
  14: 'RunErrorEvent',
  15: 'StepStartedEvent',
  16: 'StepFinishedEvent',
  17: 'TextMessageChunkEvent',
  18: 'ToolCallChunkEvent',
  19: 'SubagentStartedEvent',
  20: 'SubagentFinishedEvent',
  21: 'SubagentErrorEvent',
  22: 'ToolCallResultEvent',
  23: 'ActivitySnapshotEvent',
  24: 'ActivityDeltaEvent',
  25: 'ReasoningStartEvent',
  26: 'ReasoningMessageStartEvent',
  27: 'ReasoningMessageContentEvent',
  28: 'ReasoningMessageEndEvent',
  29: 'ReasoningMessageChunkEvent',
  30: 'ReasoningEndEvent',
  31: 'ReasoningEncryptedValueEvent',
};
function readVarint(data, cursor) {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (cursor.offset >= data.length) throw new Error('Invalid event');
    const byte = data[cursor.offset++];
    if (shift < 28) result += (byte & 127) * 2 ** shift;
    else if (shift === 28) result += (byte & 15) * 2 ** 28;
    shift += 7;
    if ((byte & 128) === 0) return result;
  }
}
function scanMessage(data, spec) {
  const cursor = { offset: 0 };
  let groupDepth = 0;
  let seenArm = 0;
  while (cursor.offset < data.length) {
    const tag = readVarint(data, cursor);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 0) throw new Error('Invalid event');
    if (wireType === 3) {
      groupDepth += 1;
      continue;
    }
    if (wireType === 4) {
      groupDepth -= 1;
      if (groupDepth < 0) throw new Error('Invalid event');
      continue;
    }
    if (wireType === 0) readVarint(data, cursor);
    else if (wireType === 1) cursor.offset += 8;
    else if (wireType === 2) {
      const length = readVarint(data, cursor);
      if (cursor.offset + length > data.length) throw new Error('Invalid event');
      if (groupDepth === 0) {
        if (spec.arms?.has(field)) {
          if (seenArm !== 0 && seenArm !== field) throw new Error('Invalid event');
          seenArm = field;
        }
        const child = spec.descend[field];
        if (child !== void 0) {
          const childSpec = SCAN_SPECS[child];
          if (childSpec !== void 0) scanMessage(data.subarray(cursor.offset, cursor.offset + length), childSpec);
        }
      }
      cursor.offset += length;
    } else if (wireType === 5) cursor.offset += 4;
    else throw new Error('Invalid event');
    if (cursor.offset > data.length) throw new Error('Invalid event');
  }
  if (groupDepth !== 0) throw new Error('Invalid event');
}
function assertWellFormedEnvelope(data) {
  const seen = /* @__PURE__ */ new Set();
  const cursor = { offset: 0 };
  let groupDepth = 0;
  while (cursor.offset < data.length) {
    const tag = readVarint(data, cursor);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 0) throw new Error('Invalid event');
    if (wireType === 3) {
      groupDepth += 1;
      continue;
    }
    if (wireType === 4) {
      groupDepth -= 1;
      if (groupDepth < 0) throw new Error('Invalid event');
      continue;
    }
    if (groupDepth === 0 && ENVELOPE_TAGS.has(field)) {
      if (seen.size > 0 && !seen.has(field)) throw new Error('Invalid event');
      seen.add(field);
    }
    if (wireType === 0) readVarint(data, cursor);
    else if (wireType === 1) cursor.offset += 8;
    else if (wireType === 2) {
      const length = readVarint(data, cursor);
      if (cursor.offset + length > data.length) throw new Error('Invalid event');
      if (groupDepth === 0) {
        const child = ENVELOPE_SCAN[field];
        if (child !== void 0) {
          const childSpec = SCAN_SPECS[child];
          if (childSpec !== void 0) scanMessage(data.subarray(cursor.offset, cursor.offset + length), childSpec);
        }
      }
      cursor.offset += length;
    } else if (wireType === 5) cursor.offset += 4;
    else throw new Error('Invalid event');
    if (cursor.offset > data.length) throw new Error('Invalid event');
  }
  if (groupDepth !== 0) throw new Error('Invalid event');
}
function concatenate(parts) {
  if (parts.length === 1) return parts[0];
  const result = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
function mergeMessageFields(data, spec) {
  const reader = new BinaryReader(data);
  const fields = [];
  const positions = /* @__PURE__ */ new Map();
  let activeArm;
  let changed = false;
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const [number4, wireType] = reader.tag();
    const payload = wireType === 2 ? reader.bytes() : void 0;
    if (payload === void 0) reader.skip(wireType, number4);
    const isArm = spec.arms?.has(number4) && wireType === (spec.armWireTypes?.[number4] ?? 2);
    if (isArm) {
      if (activeArm !== void 0 && activeArm !== number4) {
        const previous2 = positions.get(activeArm);
        if (previous2 !== void 0) fields[previous2] = void 0;
        positions.delete(activeArm);
        changed = true;
      }
      activeArm = number4;
      if (!spec.singular.has(number4)) {
        const previous2 = positions.get(number4);
        if (previous2 !== void 0) {
          fields[previous2] = void 0;
          positions.delete(number4);
          changed = true;
        }
      }
    }
    const childName = spec.descend[number4] ?? spec.google?.[number4];
    const isMessage = payload !== void 0 && (spec.singular.has(number4) || childName !== void 0);
    const previous = positions.get(number4);
    const previousPayloads = previous === void 0 ? void 0 : fields[previous]?.payloads;
    if (isMessage && spec.singular.has(number4) && previousPayloads !== void 0) {
      previousPayloads.push(payload);
      changed = true;
      continue;
    }
    if (isMessage || isArm) positions.set(number4, fields.length);
    fields.push({
      number: number4,
      raw: data.subarray(start, reader.pos),
      ...(isMessage && { payloads: [payload] }),
      child: childName === void 0 ? void 0 : SCAN_SPECS[childName],
    });
  }
  const parts = [];
  for (const field of fields) {
    if (field === void 0) continue;
    if (field.payloads !== void 0) {
      const combined = concatenate(field.payloads);
      const merged = field.child === void 0 ? combined : mergeMessageFields(combined, field.child);
      if (field.payloads.length > 1 || merged !== combined) {
        parts.push(
          new BinaryWriter()
            .uint32(field.number * 8 + 2)
            .bytes(merged)
            .finish(),
        );
        changed = true;
        continue;
      }
    }
    parts.push(field.raw);
  }
  return changed ? concatenate(parts) : data;
}
var AGUIUnknownEventTypeError = class extends Error {
  constructor(message = 'Unknown event type') {
    super(message);
    this.name = 'AGUIUnknownEventTypeError';
  }
};
function boundedVarint(data, cursor, maxBytes, lastByteMax) {
  let result = 0;
  let shift = 0;
  let bytes = 0;
  for (;;) {
    if (cursor.offset >= data.length || bytes >= maxBytes) return -1;
    const byte = data[cursor.offset++];
    bytes += 1;
    if (bytes === maxBytes && byte > lastByteMax) return -1;
    result += (byte & 127) * 2 ** shift;
    shift += 7;
    if ((byte & 128) === 0) return result;
  }
}
var varint32 = (data, cursor) => boundedVarint(data, cursor, 5, 15);
var varint64 = (data, cursor) => boundedVarint(data, cursor, 10, 1);
function walksAsMessage(data) {
  const cursor = { offset: 0 };
  const groups = [];
  while (cursor.offset < data.length) {
    const tag = varint32(data, cursor);
    if (tag < 0) return false;
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 0) return false;
    if (wireType === 3) groups.push(field);
    else if (wireType === 4) {
      if (groups.pop() !== field) return false;
    } else if (wireType === 0) {
      if (varint64(data, cursor) < 0) return false;
    } else if (wireType === 1) cursor.offset += 8;
    else if (wireType === 5) cursor.offset += 4;
    else if (wireType === 2) {
      const length = varint32(data, cursor);
      if (length < 0 || cursor.offset + length > data.length) return false;
      cursor.offset += length;
    } else return false;
    if (cursor.offset > data.length) return false;
  }
  return groups.length === 0;
}
function namesOnlyFutureArms(data) {
  const cursor = { offset: 0 };
  const groups = [];
  let future = 0;
  while (cursor.offset < data.length) {
    const tag = varint32(data, cursor);
    if (tag < 0) return false;
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 0) return false;
    const atTopLevel = groups.length === 0;
    if (wireType === 3) {
      if (atTopLevel && ENVELOPE_TAGS.has(field)) return false;
      groups.push(field);
    } else if (wireType === 4) {
      if (groups.pop() !== field) return false;
    } else if (wireType === 0) {
      if (atTopLevel && ENVELOPE_TAGS.has(field)) return false;
      if (varint64(data, cursor) < 0) return false;
    } else if (wireType === 1) {
      if (atTopLevel && ENVELOPE_TAGS.has(field)) return false;
      cursor.offset += 8;
    } else if (wireType === 5) {
      if (atTopLevel && ENVELOPE_TAGS.has(field)) return false;
      cursor.offset += 4;
    } else if (wireType === 2) {
      const length = varint32(data, cursor);
      if (length < 0 || cursor.offset + length > data.length) return false;
      if (atTopLevel) {
        if (ENVELOPE_TAGS.has(field)) return false;
        if (!walksAsMessage(data.subarray(cursor.offset, cursor.offset + length))) return false;
        future += 1;
      }
      cursor.offset += length;
    } else return false;
    if (cursor.offset > data.length) return false;
  }
  return groups.length === 0 && future > 0;
}
function decode(data) {
  assertWellFormedEnvelope(data);
  const envelope = Event.decode(
    mergeMessageFields(data, {
      singular: ENVELOPE_TAGS,
      descend: ENVELOPE_SCAN,
    }),
  );
  const populated = Object.entries(envelope).filter(([, value]) => value !== void 0);
  if (populated.length !== 1) {
    if (populated.length === 0 && namesOnlyFutureArms(data)) throw new AGUIUnknownEventTypeError();
    throw new Error('Invalid event');
  }
  const entry = populated[0];
  const entryType = ENVELOPE_TYPE[entry[0]];
  if (entryType === void 0) throw new Error('Invalid event');
  const decoded = entry[1];
  const base = asRecord(decoded.baseEvent);
  if (!base) throw new Error('Invalid event');
  const declaredType = EventType$1[base.type];
  if (declaredType !== entryType)
    throw new Error(
      'Invalid event: envelope carries ' + entryType + ' but the base event declares ' + String(declaredType),
    );
  decoded.type = entryType;
  decoded.timestamp = base.timestamp;
  decoded.rawEvent = base.rawEvent;
  if (base.metadata !== void 0) decoded.metadata = base.metadata;
  delete decoded.baseEvent;
  if (decoded.type === 'MESSAGES_SNAPSHOT' && Array.isArray(decoded.messages))
    decoded.messages = decoded.messages.map(fromWireMessage).filter((message) => message !== void 0);
  if (decoded.type === 'RUN_FINISHED') {
    const record2 = decoded;
    const wireOutcome = typeof record2.outcome === 'string' && record2.outcome !== '' ? record2.outcome : void 0;
    const payload = {};
    payload.pendingToolCallIds = record2.pendingToolCallIds;
    delete record2.pendingToolCallIds;
    payload.interrupts = record2.interrupts;
    delete record2.interrupts;
    delete record2.outcome;
    if (wireOutcome === void 0) {
      if (asArray(payload.pendingToolCallIds).length > 0) record2.pendingToolCallIds = payload.pendingToolCallIds;
      if (asArray(payload.interrupts).length > 0) record2.interrupts = payload.interrupts;
    }
    if (wireOutcome === 'success')
      record2.outcome = {
        type: 'success',
        ...(asArray(payload.pendingToolCallIds).length > 0 ? { pendingToolCallIds: payload.pendingToolCallIds } : {}),
        ...(asArray(payload.interrupts).length > 0 ? { interrupts: payload.interrupts } : {}),
      };
    if (wireOutcome === 'interrupt')
      record2.outcome = {
        type: 'interrupt',
        interrupts: asArray(payload.interrupts),
        ...(asArray(payload.pendingToolCallIds).length > 0 ? { pendingToolCallIds: payload.pendingToolCallIds } : {}),
      };
    if (wireOutcome === 'cancelled')
      record2.outcome = {
        type: 'cancelled',
        ...(asArray(payload.pendingToolCallIds).length > 0 ? { pendingToolCallIds: payload.pendingToolCallIds } : {}),
        ...(asArray(payload.interrupts).length > 0 ? { interrupts: payload.interrupts } : {}),
      };
    if (wireOutcome !== void 0 && !['success', 'interrupt', 'cancelled'].includes(wireOutcome))
      record2.outcome = {
        type: wireOutcome,
        ...(asArray(payload.pendingToolCallIds).length > 0 ? { pendingToolCallIds: payload.pendingToolCallIds } : {}),
        ...(asArray(payload.interrupts).length > 0 ? { interrupts: payload.interrupts } : {}),
      };
  }
  if (decoded.type === 'SUBAGENT_FINISHED') {
    const record2 = decoded;
    const wireOutcome = typeof record2.outcome === 'string' && record2.outcome !== '' ? record2.outcome : void 0;
    const payload = {};
    payload.interruptIds = record2.interruptIds;
    delete record2.interruptIds;
    delete record2.outcome;
    if (wireOutcome === void 0) {
      if (asArray(payload.interruptIds).length > 0) record2.interruptIds = payload.interruptIds;
    }
    if (wireOutcome === 'success')
      record2.outcome = {
        type: 'success',
        ...(asArray(payload.interruptIds).length > 0 ? { interruptIds: payload.interruptIds } : {}),
      };
    if (wireOutcome === 'suspended')
      record2.outcome = {
        type: 'suspended',
        ...(asArray(payload.interruptIds).length > 0 ? { interruptIds: payload.interruptIds } : {}),
      };
    if (wireOutcome !== void 0 && !['success', 'suspended'].includes(wireOutcome))
      record2.outcome = {
        type: wireOutcome,
        ...(asArray(payload.interruptIds).length > 0 ? { interruptIds: payload.interruptIds } : {}),
      };
  }
  if (decoded.type === 'STATE_DELTA' && Array.isArray(decoded.delta))
    decoded.delta = decoded.delta.map((operation) => {
      const opName = JsonPatchOperationType[operation.op];
      operation.op =
        typeof opName === 'string' && opName !== 'UNRECOGNIZED' ? opName.toLowerCase() : String(operation.op);
      Object.keys(operation).forEach((key) => {
        if (operation[key] === void 0) delete operation[key];
      });
      return operation;
    });
  if (decoded.type === 'ACTIVITY_DELTA' && Array.isArray(decoded.patch))
    decoded.patch = decoded.patch.map((operation) => {
      const opName = JsonPatchOperationType[operation.op];
      operation.op =
        typeof opName === 'string' && opName !== 'UNRECOGNIZED' ? opName.toLowerCase() : String(operation.op);
      Object.keys(operation).forEach((key) => {
        if (operation[key] === void 0) delete operation[key];
      });
      return operation;
    });
  if (decoded.type === 'RUN_FINISHED') {
    if (Array.isArray(decoded.usage) && decoded.usage.length === 0) delete decoded.usage;
  }
  if (decoded.type === 'RUN_ERROR') {
    if (Array.isArray(decoded.usage) && decoded.usage.length === 0) delete decoded.usage;
  }
  if (decoded.type === 'TOOL_CALL_RESULT') {
    const record2 = decoded;
    if (record2.content !== void 0 && asArray(record2.contentParts).length > 0)
      throw new Error('Invalid event: content carries both string content and content parts');
    if (record2.content === void 0)
      record2.content = asArray(record2.contentParts)
        .map((part) => {
          const mapped = fromProtoContentPart(part);
          if (mapped === void 0) warnDroppedContentPart();
          return mapped;
        })
        .filter((part) => part !== void 0);
    delete record2.contentParts;
  }
  if (decoded.type === 'RUN_STARTED' && decoded.input !== void 0) decoded.input = fromWireRunAgentInput(decoded.input);
  dropUndefinedDeep(decoded);
  return decoded;
}
var AGUI_MEDIA_TYPE = 'application/vnd.ag-ui.event+proto';

// node_modules/.pnpm/compare-versions@6.1.1/node_modules/compare-versions/lib/esm/utils.js
var semver =
  /^[v^~<>=]*?(\d+)(?:\.([x*]|\d+)(?:\.([x*]|\d+)(?:\.([x*]|\d+))?(?:-([\da-z-]+(?:\.[\da-z-]+)*))?(?:\+[\da-z-]+(?:\.[\da-z-]+)*)?)?)?$/i;
var validateAndParse = (version2) => {
  if (typeof version2 !== 'string') {
    throw new TypeError('Invalid argument expected string');
  }
  const match = version2.match(semver);
  if (!match) {
    throw new Error(`Invalid argument not valid semver ('${version2}' received)`);
  }
  match.shift();
  return match;
};
var isWildcard = (s) => s === '*' || s === 'x' || s === 'X';
var tryParse = (v) => {
  const n = parseInt(v, 10);
  return isNaN(n) ? v : n;
};
var forceType = (a, b) => (typeof a !== typeof b ? [String(a), String(b)] : [a, b]);
var compareStrings = (a, b) => {
  if (isWildcard(a) || isWildcard(b)) return 0;
  const [ap, bp] = forceType(tryParse(a), tryParse(b));
  if (ap > bp) return 1;
  if (ap < bp) return -1;
  return 0;
};
var compareSegments = (a, b) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const r2 = compareStrings(a[i] || '0', b[i] || '0');
    if (r2 !== 0) return r2;
  }
  return 0;
};

// node_modules/.pnpm/compare-versions@6.1.1/node_modules/compare-versions/lib/esm/compareVersions.js
var compareVersions = (v1, v2) => {
  const n1 = validateAndParse(v1);
  const n2 = validateAndParse(v2);
  const p1 = n1.pop();
  const p2 = n2.pop();
  const r2 = compareSegments(n1, n2);
  if (r2 !== 0) return r2;
  if (p1 && p2) {
    return compareSegments(p1.split('.'), p2.split('.'));
  } else if (p1 || p2) {
    return p1 ? -1 : 1;
  }
  return 0;
};

// node_modules/.pnpm/compare-versions@6.1.1/node_modules/compare-versions/lib/esm/validate.js
var validate2 = (version2) => typeof version2 === 'string' && /^[v\d]/.test(version2) && semver.test(version2);

// node_modules/.pnpm/@ag-ui+client@1.0.0/node_modules/@ag-ui/client/dist/index.mjs
var O = `@ag-ui/client`;
function he(e) {
  if (!e.metadata || !Object.hasOwn(e.metadata, O)) return;
  const t = e.metadata?.[O];
  if (!t || typeof t != `object` || Array.isArray(t)) return [];
  if (!Object.hasOwn(t, `authoritativeActivityTypes`)) return;
  const n = t.authoritativeActivityTypes;
  return n === null ? null : Array.isArray(n) && n.every((e2) => typeof e2 == `string`) ? n : [];
}
var k = (e) => {
  if (typeof structuredClone == `function`) return structuredClone(e);
  try {
    return JSON.parse(JSON.stringify(e));
  } catch {
    return Array.isArray(e) ? [...e] : { ...e };
  }
};
function A() {
  return v4_default();
}
function _e(e) {
  return e instanceof TypeError
    ? /read[- ]?only|not extensible|cannot add property|cannot delete property|can't be deleted|unable to delete property|object is frozen|is not writable/i.test(
        e.message,
      )
    : false;
}
function ve(e) {
  if ((Object.freeze(e), typeof e == `object` && e))
    for (const t of Object.values(e)) typeof t == `object` && t && !Object.isFrozen(t) && ve(t);
  return e;
}
var ye = 512 * 1024;
function be(e, t, n) {
  let r2 = 0,
    i = [e, t],
    a = /* @__PURE__ */ new WeakSet();
  for (; i.length > 0; ) {
    const e2 = i.pop();
    if (typeof e2 == `string`) {
      if (((r2 += e2.length), r2 > n)) return true;
    } else if (typeof e2 == `object` && e2) {
      if (a.has(e2)) continue;
      if ((a.add(e2), Array.isArray(e2))) for (let t2 = 0; t2 < e2.length; t2++) i.push(e2[t2]);
      else {
        const t2 = Object.keys(e2);
        for (let a2 = 0; a2 < t2.length; a2++) {
          const o = t2[a2];
          if (((r2 += o.length), r2 > n)) return true;
          i.push(e2[o]);
        }
      }
    }
  }
  return false;
}
async function j(e, t, n, r2) {
  let i = typeof process < `u` && process.env !== void 0,
    a = i && !!process.env.VITEST_WORKER_ID,
    o = i && true,
    s = o && !be(t, n, ye),
    c = s ? k(t) : t,
    l = s ? k(n) : n,
    u = false,
    d = false,
    f;
  for (const t2 of e)
    try {
      s && (ve(c), ve(l));
      const e2 = await r2(t2, c, l);
      if (e2 === void 0) continue;
      let n2 = false;
      if (
        (e2.messages !== void 0 && e2.messages !== c && ((c = k(e2.messages)), (u = true), (n2 = true)),
        e2.state !== void 0 && e2.state !== l && ((l = k(e2.state)), (d = true), (n2 = true)),
        s && n2 && be(c, l, ye) && (s = false),
        (f = e2.stopPropagation),
        f === true)
      )
        break;
    } catch (e2) {
      if (a && e2 instanceof TypeError) throw e2;
      s && o && _e(e2)
        ? console.error(
            `AG-UI: Subscriber attempted to mutate frozen inputs in-place. Return mutations via AgentStateMutation instead of mutating directly.`,
            e2,
          )
        : console.error(`Subscriber error:`, e2);
    }
  return {
    ...(u ? { messages: Object.isFrozen(c) ? k(c) : c } : {}),
    ...(d ? { state: Object.isFrozen(l) ? k(l) : l } : {}),
    ...(f === void 0 ? {} : { stopPropagation: f }),
  };
}
function M(e) {
  if (!e) return { enabled: false, events: false, lifecycle: false, verbose: false };
  if (e === true) return { enabled: true, events: true, lifecycle: true, verbose: true };
  const t = e.events ?? true,
    n = e.lifecycle ?? true,
    r2 = e.verbose ?? false;
  return { enabled: t || n, events: t, lifecycle: n, verbose: r2 };
}
function N(e) {
  if (e instanceof P) return e;
  if (e === true) return new P(M(true));
}
var P = class {
  constructor(e) {
    this.config = e;
  }
  event(e, t, n, r2) {
    this.config.events &&
      (this.config.verbose
        ? console.debug(`[${e}] ${t}`, typeof n == `string` ? n : JSON.stringify(n))
        : console.debug(`[${e}] ${t}`, r2 ?? n));
  }
  lifecycle(e, t, n) {
    this.config.lifecycle && (n ? console.debug(`[${e}] ${t}`, n) : console.debug(`[${e}] ${t}`));
  }
  get eventsEnabled() {
    return this.config.events;
  }
  get lifecycleEnabled() {
    return this.config.lifecycle;
  }
  get enabled() {
    return this.config.enabled;
  }
};
function F(e) {
  return e.enabled ? new P(e) : void 0;
}
function xe(e, t, n) {
  if (t) {
    const r3 = e.find((e2) => e2.id === t);
    if (r3?.role === `assistant`) return r3;
    r3 &&
      console.warn(
        `TOOL_CALL_START: parentMessageId '${t}' matches a '${r3.role}' message, not assistant — falling back to toolCallId`,
      );
    const i = { id: r3 ? n : t, role: `assistant`, toolCalls: [] };
    return (e.push(i), i);
  }
  const r2 = { id: n, role: `assistant`, toolCalls: [] };
  return (e.push(r2), r2);
}
function I(e, t) {
  return !e || t.metadata === void 0 ? false : ((e.metadata = mergeMetadata(e.metadata, k(t.metadata))), true);
}
var Se = (e, t, n, i, a) => {
  let o = N(a),
    s = k(n.messages),
    c = k(e.state),
    d = {},
    f = [],
    p = /* @__PURE__ */ new Set(),
    m = (e2) => {
      const t2 = e2.outcome?.type === `success` ? e2.outcome.pendingToolCallIds : void 0;
      return t2 !== void 0 && t2.length > 0 ? [...t2] : f.filter((e3) => !p.has(e3));
    },
    h = (e2) => {
      e2.messages !== void 0 && ((s = e2.messages), (d.messages = e2.messages)),
        e2.state !== void 0 && ((c = e2.state), (d.state = e2.state));
    },
    g = () => {
      const e2 = k(d);
      return ((d = {}), e2.messages !== void 0 || e2.state !== void 0 ? of(e2) : EMPTY);
    };
  return t.pipe(
    concatMap(async (t2) => {
      const a2 = await j(i, s, c, (r2, i2, a3) =>
        r2.onEvent?.({ event: t2, agent: n, input: e, messages: i2, state: a3 }),
      );
      if (
        (h(a2),
        a2.stopPropagation === true
          ? o?.event(`APPLY`, `Event dropped:`, t2, { type: t2.type, reason: `stopPropagation by subscriber` })
          : o?.event(`APPLY`, `Event applied:`, t2, { type: t2.type, subscribers: i.length }),
        a2.stopPropagation === true)
      )
        return g();
      switch (t2.type) {
        case EventType.TEXT_MESSAGE_START: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onTextMessageStartEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { messageId: e2, role: n2 = `assistant`, name: r3, subagentRunId: i2 } = t2,
              a3 = s.find((t3) => t3.id === e2);
            if (a3?.role === `activity`)
              return (
                console.warn(
                  `TEXT_MESSAGE_START: Message '${e2}' is an activity message — message ids must be unique across activity and text messages`,
                ),
                g()
              );
            let o2 = a3;
            if (!o2) {
              const t3 = {
                id: e2,
                role: n2,
                content: ``,
                ...(r3 !== void 0 && { name: r3 }),
                ...(i2 != null && { subagentRunId: i2 }),
              };
              s.push(t3), (o2 = t3);
            }
            const c2 = I(o2, t2);
            (!a3 || c2) && h({ messages: s });
          }
          return g();
        }
        case EventType.TEXT_MESSAGE_CONTENT: {
          const { messageId: r2, delta: a3 } = t2,
            o2 = s.find((e2) => e2.id === r2);
          if (!o2) return (console.warn(`TEXT_MESSAGE_CONTENT: No message found with ID '${r2}'`), g());
          if (o2.role === `activity`)
            return (
              console.warn(
                `TEXT_MESSAGE_CONTENT: Message '${r2}' is an activity message — message ids must be unique across activity and text messages`,
              ),
              g()
            );
          const l = await j(i, s, c, (r3, i2, a4) =>
            r3.onTextMessageContentEvent?.({
              event: t2,
              messages: i2,
              state: a4,
              agent: n,
              input: e,
              textMessageBuffer: typeof o2.content == `string` ? o2.content : ``,
            }),
          );
          return (
            h(l),
            l.stopPropagation !== true &&
              ((o2.content = `${typeof o2.content == `string` ? o2.content : ``}${a3}`), I(o2, t2), h({ messages: s })),
            g()
          );
        }
        case EventType.TEXT_MESSAGE_END: {
          const { messageId: r2 } = t2,
            a3 = s.find((e2) => e2.id === r2);
          if (!a3) return (console.warn(`TEXT_MESSAGE_END: No message found with ID '${r2}'`), g());
          if (a3.role === `activity`)
            return (
              console.warn(
                `TEXT_MESSAGE_END: Message '${r2}' is an activity message — message ids must be unique across activity and text messages`,
              ),
              g()
            );
          const o2 = await j(i, s, c, (r3, i2, o3) =>
            r3.onTextMessageEndEvent?.({
              event: t2,
              messages: i2,
              state: o3,
              agent: n,
              input: e,
              textMessageBuffer: typeof a3.content == `string` ? a3.content : ``,
            }),
          );
          return (
            h(o2),
            o2.stopPropagation !== true && I(a3, t2) && h({ messages: s }),
            await Promise.all(
              i.map((t3) => {
                t3.onNewMessage?.({ message: a3, messages: s, state: c, agent: n, input: e });
              }),
            ),
            g()
          );
        }
        case EventType.TOOL_CALL_START: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onToolCallStartEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { toolCallId: e2, toolCallName: n2, parentMessageId: r3, subagentRunId: i2 } = t2;
            f.includes(e2) || f.push(e2);
            const a3 = s.find((t3) => t3.toolCalls?.some((t4) => t4.id === e2))?.toolCalls?.find((t3) => t3.id === e2);
            if (a3) {
              const r4 = a3.function.name !== n2;
              return (
                r4 &&
                  (console.warn(
                    `TOOL_CALL_START: tool call '${e2}' already exists with name '${a3.function.name}' — updating it to '${n2}'`,
                  ),
                  (a3.function.name = n2)),
                (I(a3, t2) || r4) && h({ messages: s }),
                g()
              );
            }
            const o2 = new Set(s.map((e3) => e3.id)),
              c2 = xe(s, r3, e2);
            !o2.has(c2.id) && i2 != null && c2.subagentRunId === void 0 && (c2.subagentRunId = i2),
              (c2.toolCalls ??= []);
            const l = { id: e2, type: `function`, function: { name: n2, arguments: `` } };
            c2.toolCalls.push(l), I(l, t2), h({ messages: s });
          }
          return g();
        }
        case EventType.TOOL_CALL_ARGS: {
          const { toolCallId: r2, delta: a3 } = t2,
            o2 = s.find((e2) => e2.toolCalls?.some((e3) => e3.id === r2));
          if (!o2) return (console.warn(`TOOL_CALL_ARGS: No message found containing tool call with ID '${r2}'`), g());
          const l = o2.toolCalls?.find((e2) => e2.id === r2);
          if (!l) return (console.warn(`TOOL_CALL_ARGS: No tool call found with ID '${r2}'`), g());
          const u = await j(i, s, c, (r3, i2, a4) => {
            let o3 = l.function.arguments,
              s2 = l.function.name,
              c2 = {};
            try {
              c2 = untruncateJson(o3);
            } catch {}
            return r3.onToolCallArgsEvent?.({
              event: t2,
              messages: i2,
              state: a4,
              agent: n,
              input: e,
              toolCallBuffer: o3,
              toolCallName: s2,
              partialToolCallArgs: c2,
            });
          });
          return (
            h(u), u.stopPropagation !== true && ((l.function.arguments += a3), I(l, t2), h({ messages: s })), g()
          );
        }
        case EventType.TOOL_CALL_END: {
          const { toolCallId: r2 } = t2,
            a3 = s.find((e2) => e2.toolCalls?.some((e3) => e3.id === r2));
          if (!a3) return (console.warn(`TOOL_CALL_END: No message found containing tool call with ID '${r2}'`), g());
          const o2 = a3.toolCalls?.find((e2) => e2.id === r2);
          if (!o2) return (console.warn(`TOOL_CALL_END: No tool call found with ID '${r2}'`), g());
          const l = await j(i, s, c, (r3, i2, a4) => {
            let s2 = o2.function.arguments,
              c2 = o2.function.name,
              l2 = {};
            try {
              l2 = JSON.parse(s2);
            } catch {}
            return r3.onToolCallEndEvent?.({
              event: t2,
              messages: i2,
              state: a4,
              agent: n,
              input: e,
              toolCallName: c2,
              toolCallArgs: l2,
            });
          });
          return (
            h(l),
            l.stopPropagation !== true && I(o2, t2) && h({ messages: s }),
            await Promise.all(
              i.map((t3) => {
                t3.onNewToolCall?.({ toolCall: o2, messages: s, state: c, agent: n, input: e });
              }),
            ),
            g()
          );
        }
        case EventType.TOOL_CALL_RESULT: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onToolCallResultEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { messageId: r3, toolCallId: a3, content: o2, role: l, subagentRunId: u } = t2;
            p.add(a3);
            const d2 = {
              id: r3,
              toolCallId: a3,
              role: l || `tool`,
              content: o2,
              ...(u != null && { subagentRunId: u }),
            };
            I(d2, t2);
            const f2 = s.findIndex((e2) => e2.role === `assistant` && e2.toolCalls?.some((e3) => e3.id === a3));
            if (f2 === -1) s.push(d2);
            else {
              let e2 = f2 + 1;
              for (; e2 < s.length && s[e2].role === `tool`; ) e2++;
              s.splice(e2, 0, d2);
            }
            await Promise.all(
              i.map((t3) => {
                t3.onNewMessage?.({ message: d2, messages: s, state: c, agent: n, input: e });
              }),
            ),
              h({ messages: s });
          }
          return g();
        }
        case EventType.STATE_SNAPSHOT: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onStateSnapshotEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { snapshot: e2 } = t2;
            (c = e2), h({ state: c });
          }
          return g();
        }
        case EventType.STATE_DELTA: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onStateDeltaEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { delta: e2 } = t2;
            try {
              (c = fast_json_patch_default.applyPatch(c, e2, true, false).newDocument), h({ state: c });
            } catch (t3) {
              const n2 = t3 instanceof Error ? t3.message : String(t3);
              console.warn(`Failed to apply state patch:
Current state: ${JSON.stringify(c, null, 2)}
Patch operations: ${JSON.stringify(e2, null, 2)}
Error: ${n2}`);
            }
          }
          return g();
        }
        case EventType.MESSAGES_SNAPSHOT: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onMessagesSnapshotEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { messages: e2 } = t2,
              n2 = e2.map((e3) => {
                if (e3.subagentRunId !== null) return e3;
                const t3 = { ...e3 };
                return (delete t3.subagentRunId, t3);
              }),
              r3 = new Map(n2.map((e3) => [e3.id, e3])),
              i2 = he(t2),
              a3 = n2.some((e3) => e3.role === `activity`),
              o2 = n2.some((e3) => e3.role === `reasoning`),
              c2 = (e3) =>
                (e3.role === `activity` && (i2 ? !i2.includes(e3.activityType) : i2 !== null && !a3)) ||
                (e3.role === `reasoning` && !o2);
            s = s.filter((e3) => r3.has(e3.id) || c2(e3)).map((e3) => r3.get(e3.id) ?? e3);
            const l = new Set(s.map((e3) => e3.id));
            for (const e3 of n2) l.has(e3.id) || s.push(e3);
            h({ messages: s });
          }
          return g();
        }
        case EventType.ACTIVITY_SNAPSHOT: {
          const r2 = t2,
            a3 = s.findIndex((e2) => e2.id === r2.messageId),
            o2 = a3 >= 0 ? s[a3] : void 0,
            l = o2?.role === `activity` ? o2 : void 0,
            u = r2.replace ?? true,
            d2 = await j(i, s, c, (t3, i2, a4) =>
              t3.onActivitySnapshotEvent?.({
                event: r2,
                messages: i2,
                state: a4,
                agent: n,
                input: e,
                activityMessage: l,
                existingMessage: o2,
              }),
            );
          if ((h(d2), d2.stopPropagation !== true)) {
            let t3 = {
                id: r2.messageId,
                role: `activity`,
                activityType: r2.activityType,
                content: k(r2.content),
                ...(r2.subagentRunId != null && { subagentRunId: r2.subagentRunId }),
              },
              o3,
              d3;
            a3 === -1
              ? (s.push(t3), (o3 = t3), (d3 = t3))
              : l
                ? (u &&
                    ((s[a3] = {
                      ...l,
                      activityType: r2.activityType,
                      content: k(r2.content),
                      subagentRunId: r2.subagentRunId,
                    }),
                    r2.subagentRunId ?? delete s[a3].subagentRunId),
                  (d3 = s[a3]))
                : u && ((s[a3] = t3), (o3 = t3), (d3 = t3)),
              I(d3, r2),
              h({ messages: s }),
              o3 &&
                (await Promise.all(
                  i.map((t4) => t4.onNewMessage?.({ message: o3, messages: s, state: c, agent: n, input: e })),
                ));
          }
          return g();
        }
        case EventType.ACTIVITY_DELTA: {
          const r2 = t2,
            a3 = s.findIndex((e2) => e2.id === r2.messageId);
          if (a3 === -1) return g();
          const o2 = s[a3];
          if (o2.role !== `activity`)
            return (console.warn(`ACTIVITY_DELTA: Message '${r2.messageId}' is not an activity message`), g());
          const u = o2,
            d2 = await j(i, s, c, (t3, i2, a4) =>
              t3.onActivityDeltaEvent?.({ event: r2, messages: i2, state: a4, agent: n, input: e, activityMessage: u }),
            );
          if ((h(d2), d2.stopPropagation !== true))
            try {
              I(u, r2) && h({ messages: s });
              const e2 = k(u.content ?? {}),
                t3 = fast_json_patch_default.applyPatch(e2, r2.patch ?? [], true, false).newDocument;
              (s[a3] = { ...u, content: k(t3), activityType: r2.activityType }), h({ messages: s });
            } catch (e2) {
              const t3 = e2 instanceof Error ? e2.message : String(e2);
              console.warn(`Failed to apply activity patch for '${r2.messageId}': ${t3}`);
            }
          return g();
        }
        case EventType.RAW:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onRawEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.CUSTOM:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onCustomEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.RUN_STARTED: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onRunStartedEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), (f = []), (p = /* @__PURE__ */ new Set()), r2.stopPropagation !== true)) {
            const e2 = t2;
            if (e2.input?.messages) {
              for (const t3 of e2.input.messages) {
                let e3 = t3;
                if (t3.subagentRunId === null) {
                  const n2 = { ...t3 };
                  delete n2.subagentRunId, (e3 = n2);
                }
                s.find((t4) => t4.id === e3.id) || s.push(e3);
              }
              h({ messages: s });
            }
          }
          return g();
        }
        case EventType.RUN_FINISHED: {
          const r2 = t2,
            a3 =
              r2.outcome?.type === `interrupt`
                ? { event: r2, outcome: `interrupt`, interrupts: r2.outcome.interrupts }
                : r2.outcome?.type === `cancelled`
                  ? { event: r2, outcome: `cancelled` }
                  : { event: r2, outcome: `success`, result: r2.result, pendingToolCallIds: m(r2) },
            o2 = await j(i, s, c, (t3, r3, i2) =>
              t3.onRunFinishedEvent?.({ ...a3, messages: r3, state: i2, agent: n, input: e }),
            );
          return (
            h(o2),
            o2.stopPropagation !== true &&
              (n.pendingInterrupts =
                a3.outcome === `interrupt`
                  ? a3.interrupts.map((e2) => {
                      if (e2.subagentRunId !== null) return e2;
                      const t3 = { ...e2 };
                      return (delete t3.subagentRunId, t3);
                    })
                  : []),
            g()
          );
        }
        case EventType.RUN_ERROR:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onRunErrorEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.STEP_STARTED:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onStepStartedEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.STEP_FINISHED:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onStepFinishedEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.TEXT_MESSAGE_CHUNK:
          throw Error(`TEXT_MESSAGE_CHUNK must be transformed before being applied`);
        case EventType.TOOL_CALL_CHUNK:
          throw Error(`TOOL_CALL_CHUNK must be transformed before being applied`);
        case EventType.REASONING_START:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onReasoningStartEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.REASONING_MESSAGE_START: {
          const r2 = await j(i, s, c, (r3, i2, a3) =>
            r3.onReasoningMessageStartEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
          );
          if ((h(r2), r2.stopPropagation !== true)) {
            const { messageId: e2, subagentRunId: n2 } = t2,
              r3 = s.find((t3) => t3.id === e2);
            if (r3?.role === `activity`)
              return (
                console.warn(
                  `REASONING_MESSAGE_START: Message '${e2}' is an activity message — message ids must be unique across activity and reasoning messages`,
                ),
                g()
              );
            let i2 = r3;
            if (!i2) {
              const t3 = { id: e2, role: `reasoning`, content: ``, ...(n2 != null && { subagentRunId: n2 }) };
              s.push(t3), (i2 = t3);
            }
            const a3 = I(i2, t2);
            (!r3 || a3) && h({ messages: s });
          }
          return g();
        }
        case EventType.REASONING_MESSAGE_CONTENT: {
          const { messageId: r2, delta: a3 } = t2,
            o2 = s.find((e2) => e2.id === r2);
          if (!o2) return (console.warn(`REASONING_MESSAGE_CONTENT: No message found with ID '${r2}'`), g());
          if (o2.role === `activity`)
            return (
              console.warn(
                `REASONING_MESSAGE_CONTENT: Message '${r2}' is an activity message — message ids must be unique across activity and reasoning messages`,
              ),
              g()
            );
          const l = await j(i, s, c, (r3, i2, a4) =>
            r3.onReasoningMessageContentEvent?.({
              event: t2,
              messages: i2,
              state: a4,
              agent: n,
              input: e,
              reasoningMessageBuffer: typeof o2.content == `string` ? o2.content : ``,
            }),
          );
          return (
            h(l),
            l.stopPropagation !== true &&
              ((o2.content = `${typeof o2.content == `string` ? o2.content : ``}${a3}`), I(o2, t2), h({ messages: s })),
            g()
          );
        }
        case EventType.REASONING_MESSAGE_END: {
          const { messageId: r2 } = t2,
            a3 = s.find((e2) => e2.id === r2);
          if (!a3) return (console.warn(`REASONING_MESSAGE_END: No message found with ID '${r2}'`), g());
          if (a3.role === `activity`)
            return (
              console.warn(
                `REASONING_MESSAGE_END: Message '${r2}' is an activity message — message ids must be unique across activity and reasoning messages`,
              ),
              g()
            );
          const o2 = await j(i, s, c, (r3, i2, o3) =>
            r3.onReasoningMessageEndEvent?.({
              event: t2,
              messages: i2,
              state: o3,
              agent: n,
              input: e,
              reasoningMessageBuffer: typeof a3.content == `string` ? a3.content : ``,
            }),
          );
          return (
            h(o2),
            o2.stopPropagation !== true && I(a3, t2) && h({ messages: s }),
            await Promise.all(
              i.map((t3) => {
                t3.onNewMessage?.({ message: a3, messages: s, state: c, agent: n, input: e });
              }),
            ),
            g()
          );
        }
        case EventType.REASONING_MESSAGE_CHUNK:
          throw Error(`REASONING_MESSAGE_CHUNK must be transformed before being applied`);
        case EventType.REASONING_END:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onReasoningEndEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.REASONING_ENCRYPTED_VALUE: {
          const { subtype: r2, entityId: a3, encryptedValue: o2 } = t2,
            l = await j(i, s, c, (r3, i2, a4) =>
              r3.onReasoningEncryptedValueEvent?.({ event: t2, messages: i2, state: a4, agent: n, input: e }),
            );
          if ((h(l), l.stopPropagation !== true)) {
            let e2 = false;
            if (r2 === `tool-call`) {
              for (const t3 of s)
                if (t3.role === `assistant` && t3.toolCalls) {
                  const n2 = t3.toolCalls.find((e3) => e3.id === a3);
                  if (n2) {
                    (n2.encryptedValue = o2), (e2 = true);
                    break;
                  }
                }
            } else {
              const t3 = s.find((e3) => e3.id === a3);
              t3?.role !== `activity` && t3 && ((t3.encryptedValue = o2), (e2 = true));
            }
            e2 && (d.messages = s);
          }
          return g();
        }
        case EventType.SUBAGENT_STARTED:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onSubagentStartedEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.SUBAGENT_FINISHED:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onSubagentFinishedEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
        case EventType.SUBAGENT_ERROR:
          return (
            h(
              await j(i, s, c, (r2, i2, a3) =>
                r2.onSubagentErrorEvent?.({ event: t2, messages: i2, state: a3, agent: n, input: e }),
              ),
            ),
            g()
          );
      }
      return (t2.type, g());
    }),
    mergeAll(),
    i.length > 0 ? defaultIfEmpty({}) : (e2) => e2,
  );
};
var L = (e) => (t) => {
  let i = N(e),
    a = /* @__PURE__ */ new Set(),
    o = /* @__PURE__ */ new Set(),
    s = /* @__PURE__ */ new Set(),
    c = /* @__PURE__ */ new Set(),
    l = {
      message: /* @__PURE__ */ new Map(),
      toolCall: /* @__PURE__ */ new Map(),
      activity: /* @__PURE__ */ new Map(),
      reasoning: /* @__PURE__ */ new Map(),
    },
    u = false,
    d = false,
    f = false,
    p = /* @__PURE__ */ new Map(),
    m = (e2) => {
      let t2 = p.get(e2);
      return (t2 || ((t2 = /* @__PURE__ */ new Map()), p.set(e2, t2)), t2);
    },
    h = () => {
      for (const e2 of p.values()) if (e2.size > 0) return true;
      return false;
    },
    g = /* @__PURE__ */ new Map(),
    _ = /* @__PURE__ */ new Set(),
    v = false,
    ee = () => {
      a.clear(),
        o.clear(),
        s.clear(),
        c.clear(),
        l.message.clear(),
        l.toolCall.clear(),
        l.activity.clear(),
        l.reasoning.clear(),
        p.clear(),
        g.clear(),
        _.clear(),
        (u = false),
        (d = false),
        (v = true);
    },
    x = (e2, t2) => {
      const r2 = e2 ?? [];
      if (Array.isArray(r2))
        for (const e3 of r2) {
          if (!e3 || typeof e3.id != `string`) continue;
          if (e3.subagentRunId === null)
            return new AGUIError(
              `Cannot send a message (id '${e3.id}') with 'subagentRunId: null'. The field is optional — omit it entirely.`,
            );
          const r3 = e3.role === `reasoning` ? l.reasoning : e3.role === `activity` ? l.activity : l.message;
          (t2 || !r3.has(e3.id)) && r3.set(e3.id, { subagentRunId: e3.subagentRunId });
          for (const n of e3.toolCalls ?? [])
            n &&
              typeof n.id == `string` &&
              (t2 || !l.toolCall.has(n.id)) &&
              l.toolCall.set(n.id, { subagentRunId: e3.subagentRunId ?? void 0 });
        }
    },
    S = (e2, t2, r2, i2, a2) => {
      if (t2 !== void 0 && r2 && r2.subagentRunId !== t2)
        return new AGUIError(
          `Cannot send '${e2}': subagentRunId '${t2}' does not match the ${i2} '${a2}' opener's subagent '${r2.subagentRunId ?? `(the parent agent)`}'.`,
        );
    };
  return t.pipe(
    mergeMap((e2) => {
      const t2 = e2.type;
      if ((i?.event(`VERIFY`, `Event:`, e2, { type: e2.type }), d && t2 !== EventType.RUN_STARTED))
        return throwError(
          () =>
            new AGUIError(
              `Cannot send event type '${t2}': The run has already errored with 'RUN_ERROR'. No further events can be sent.`,
            ),
        );
      if (u && t2 !== EventType.RUN_ERROR && t2 !== EventType.RUN_STARTED)
        return throwError(
          () =>
            new AGUIError(
              `Cannot send event type '${t2}': The run has already finished with 'RUN_FINISHED'. Start a new run with 'RUN_STARTED'.`,
            ),
        );
      if (!f) {
        if (((f = true), t2 !== EventType.RUN_STARTED && t2 !== EventType.RUN_ERROR))
          return throwError(() => new AGUIError(`First event must be 'RUN_STARTED'`));
      } else if (t2 === EventType.RUN_STARTED) {
        if (v && !u && !d)
          return throwError(
            () =>
              new AGUIError(
                `Cannot send 'RUN_STARTED' while a run is still active. The previous run must be finished with 'RUN_FINISHED' before starting a new run.`,
              ),
          );
        (u || d) && ee();
      }
      if (e2.subagentRunId === null)
        return throwError(
          () =>
            new AGUIError(`Cannot send '${t2}' with 'subagentRunId: null'. The field is optional — omit it entirely.`),
        );
      if (t2 === EventType.SUBAGENT_STARTED || t2 === EventType.SUBAGENT_FINISHED || t2 === EventType.SUBAGENT_ERROR) {
        const i2 =
          t2 === EventType.SUBAGENT_STARTED
            ? [`description`, `parentSubagentRunId`, `parentToolCallId`, `parentMessageId`]
            : t2 === EventType.SUBAGENT_FINISHED
              ? [`outcome`]
              : [`code`];
        for (const r2 of i2)
          if (e2[r2] === null)
            return throwError(
              () => new AGUIError(`Cannot send '${t2}' with '${r2}: null'. The field is optional — omit it entirely.`),
            );
        const a2 = e2.outcome;
        if (a2 != null && a2.type !== `success` && a2.type !== `suspended`)
          return throwError(
            () =>
              new AGUIError(
                `Cannot send '${t2}' with outcome type '${String(a2.type)}'. The outcome is either { type: "success" } or { type: "suspended" }.`,
              ),
          );
        if (a2 && a2.interruptIds === null)
          return throwError(
            () =>
              new AGUIError(
                `Cannot send '${t2}' with 'outcome.interruptIds: null'. The field is optional — omit it entirely.`,
              ),
          );
        if (a2 && Array.isArray(a2.interruptIds) && a2.interruptIds.some((e3) => typeof e3 != `string`))
          return throwError(
            () =>
              new AGUIError(
                `Cannot send '${t2}' with a non-string entry in 'outcome.interruptIds'. Interrupt ids are strings.`,
              ),
          );
      }
      if (t2 === EventType.RUN_FINISHED) {
        const t3 = e2.outcome;
        if (t3?.type === `interrupt` && Array.isArray(t3.interrupts)) {
          for (const e3 of t3.interrupts)
            if (e3 && e3.subagentRunId === null)
              return throwError(
                () =>
                  new AGUIError(
                    `Cannot send 'RUN_FINISHED' with an interrupt (id '${e3.id}') carrying 'subagentRunId: null'. The field is optional — omit it entirely.`,
                  ),
              );
        }
      }
      switch (t2) {
        case EventType.TEXT_MESSAGE_START: {
          const r2 = e2.messageId;
          if (a.has(r2))
            return throwError(
              () =>
                new AGUIError(
                  `Cannot send 'TEXT_MESSAGE_START' event: A text message with ID '${r2}' is already in progress. Complete it with 'TEXT_MESSAGE_END' first.`,
                ),
            );
          const i2 = l.message.get(r2);
          if (i2) {
            const n = S(t2, e2.subagentRunId, i2, `message`, r2);
            if (n) return throwError(() => n);
          }
          return (a.add(r2), i2 || l.message.set(r2, { subagentRunId: e2.subagentRunId }), of(e2));
        }
        case EventType.TEXT_MESSAGE_CONTENT: {
          const r2 = e2.messageId;
          if (!a.has(r2))
            return throwError(
              () =>
                new AGUIError(
                  `Cannot send 'TEXT_MESSAGE_CONTENT' event: No active text message found with ID '${r2}'. Start a text message with 'TEXT_MESSAGE_START' first.`,
                ),
            );
          const i2 = S(t2, e2.subagentRunId, l.message.get(r2), `message`, r2);
          return i2 ? throwError(() => i2) : of(e2);
        }
        case EventType.TEXT_MESSAGE_END: {
          const r2 = e2.messageId;
          if (!a.has(r2))
            return throwError(
              () =>
                new AGUIError(
                  `Cannot send 'TEXT_MESSAGE_END' event: No active text message found with ID '${r2}'. A 'TEXT_MESSAGE_START' event must be sent first.`,
                ),
            );
          const i2 = S(t2, e2.subagentRunId, l.message.get(r2), `message`, r2);
          return i2 ? throwError(() => i2) : (a.delete(r2), of(e2));
        }
        case EventType.TOOL_CALL_START: {
          const r2 = e2.toolCallId;
          if (o.has(r2))
            return throwError(
              () =>
                new AGUIError(
                  `Cannot send 'TOOL_CALL_START' event: A tool call with ID '${r2}' is already in progress. Complete it with 'TOOL_CALL_END' first.`,
                ),
            );
          let i2 = e2.parentMessageId,
            a2 = e2.subagentRunId,
            s2;
          if (i2 !== void 0) {
            const e3 = l.message.get(i2);
            if (e3) {
              if (a2 !== void 0 && a2 !== e3.subagentRunId)
                return throwError(
                  () =>
                    new AGUIError(
                      `Cannot send 'TOOL_CALL_START': subagentRunId '${a2}' does not match its parent message '${i2}' owner '${e3.subagentRunId ?? `(the parent agent)`}'. A tool call belongs to the message that carries it.`,
                    ),
                );
              s2 = e3;
            }
          }
          const c2 = l.toolCall.get(r2);
          if (c2) {
            const e3 = S(t2, a2, c2, `tool call`, r2);
            if (e3) return throwError(() => e3);
            if (a2 === void 0 && s2 && s2.subagentRunId !== c2.subagentRunId)
              return throwError(
                () =>
                  new AGUIError(
                    `Cannot send 'TOOL_CALL_START': tool call '${r2}' is owned by '${c2.subagentRunId ?? `(the parent agent)`}' but its parent message '${i2}' is owned by '${s2.subagentRunId ?? `(the parent agent)`}'. A tool call belongs to the message that carries it.`,
                  ),
              );
          }
          return (
            o.add(r2),
            c2 || l.toolCall.set(r2, a2 === void 0 ? (s2 ?? { subagentRunId: void 0 }) : { subagentRunId: a2 }),
            of(e2)
          );
        }
        case EventType.TOOL_CALL_ARGS: {
          const r2 = e2.toolCallId;
          if (!o.has(r2))
            return throwError(
              () =>
                new AGUIError(
                  `Cannot send 'TOOL_CALL_ARGS' event: No active tool call found with ID '${r2}'. Start a tool call with 'TOOL_CALL_START' first.`,
                ),
            );
          const i2 = S(t2, e2.subagentRunId, l.toolCall.get(r2), `tool call`, r2);
          return i2 ? throwError(() => i2) : of(e2);
        }
        case EventType.TOOL_CALL_END: {
          const r2 = e2.toolCallId;
          if (!o.has(r2))
            return throwError(
              () =>
                new AGUIError(
                  `Cannot send 'TOOL_CALL_END' event: No active tool call found with ID '${r2}'. A 'TOOL_CALL_START' event must be sent first.`,
                ),
            );
          const i2 = S(t2, e2.subagentRunId, l.toolCall.get(r2), `tool call`, r2);
          return i2 ? throwError(() => i2) : (o.delete(r2), of(e2));
        }
        case EventType.STEP_STARTED: {
          const t3 = e2.stepName,
            r2 = e2.subagentRunId;
          return m(r2).has(t3)
            ? throwError(
                () =>
                  new AGUIError(
                    `Step "${t3}" is already active for 'STEP_STARTED'${r2 === void 0 ? `` : ` in subagent '${r2}'`}`,
                  ),
              )
            : (m(r2).set(t3, true), of(e2));
        }
        case EventType.STEP_FINISHED: {
          const t3 = e2.stepName,
            r2 = e2.subagentRunId;
          if (!m(r2).has(t3)) {
            let e3,
              i2 = false;
            for (const [n, a2] of p)
              if (n !== r2 && a2.has(t3)) {
                (e3 = n), (i2 = true);
                break;
              }
            return throwError(
              i2
                ? () =>
                    new AGUIError(
                      `Cannot send 'STEP_FINISHED' for step "${t3}" attributed to ${r2 === void 0 ? `the parent agent` : `subagent '${r2}'`}: that step is open under ${e3 === void 0 ? `the parent agent` : `subagent '${e3}'`}. A step must be finished by whoever started it.`,
                    )
                : () => new AGUIError(`Cannot send 'STEP_FINISHED' for step "${t3}" that was not started`),
            );
          }
          return (m(r2).delete(t3), of(e2));
        }
        case EventType.ACTIVITY_SNAPSHOT: {
          const t3 = e2.messageId;
          return (
            (!l.activity.has(t3) || e2.replace !== false) && l.activity.set(t3, { subagentRunId: e2.subagentRunId }),
            of(e2)
          );
        }
        case EventType.TOOL_CALL_RESULT: {
          const t3 = e2.messageId;
          return (typeof t3 == `string` && l.message.set(t3, { subagentRunId: e2.subagentRunId }), of(e2));
        }
        case EventType.REASONING_START:
        case EventType.REASONING_MESSAGE_START: {
          const i2 = e2.messageId,
            a2 = t2 === EventType.REASONING_START,
            o2 = a2 ? s : c;
          if (o2.has(i2))
            return throwError(
              () =>
                new AGUIError(
                  a2
                    ? `Cannot send 'REASONING_START' event: A reasoning span with ID '${i2}' is already in progress. Complete it with 'REASONING_END' first.`
                    : `Cannot send 'REASONING_MESSAGE_START' event: A reasoning message with ID '${i2}' is already in progress. Complete it with 'REASONING_MESSAGE_END' first.`,
                ),
            );
          const u2 = l.reasoning.get(i2);
          if (u2) {
            const n = S(t2, e2.subagentRunId, u2, `reasoning message`, i2);
            if (n) return throwError(() => n);
          }
          return (o2.add(i2), u2 || l.reasoning.set(i2, { subagentRunId: e2.subagentRunId }), of(e2));
        }
        case EventType.REASONING_MESSAGE_CONTENT:
        case EventType.REASONING_MESSAGE_END:
        case EventType.REASONING_END: {
          const i2 = e2.messageId,
            a2 = t2 === EventType.REASONING_END,
            o2 = a2 ? s : c;
          if (!o2.has(i2))
            return throwError(
              () =>
                new AGUIError(
                  a2
                    ? `Cannot send 'REASONING_END' event: No active reasoning span found with ID '${i2}'. A 'REASONING_START' event must be sent first.`
                    : `Cannot send '${t2}' event: No active reasoning message found with ID '${i2}'. Start a reasoning message with 'REASONING_MESSAGE_START' first.`,
                ),
            );
          const u2 = S(t2, e2.subagentRunId, l.reasoning.get(i2), `reasoning message`, i2);
          return u2
            ? throwError(() => u2)
            : ((t2 === EventType.REASONING_END || t2 === EventType.REASONING_MESSAGE_END) && o2.delete(i2), of(e2));
        }
        case EventType.REASONING_ENCRYPTED_VALUE: {
          const n = e2.entityId,
            r2 = e2.subtype,
            i2 =
              r2 === `tool-call`
                ? l.toolCall.get(n)
                : r2 === `message`
                  ? (l.message.get(n) ?? l.reasoning.get(n))
                  : l.reasoning.get(n),
            a2 = r2 === `tool-call` ? `tool call` : r2 === `message` ? `message` : `reasoning message`,
            o2 = S(t2, e2.subagentRunId, i2, a2, n);
          return o2 ? throwError(() => o2) : of(e2);
        }
        case EventType.ACTIVITY_DELTA: {
          const n = e2.messageId,
            r2 = S(t2, e2.subagentRunId, l.activity.get(n), `activity`, n);
          return r2 ? throwError(() => r2) : of(e2);
        }
        case EventType.SUBAGENT_STARTED: {
          if (typeof e2.subagentRunId != `string`)
            return throwError(() => new AGUIError(`Cannot send 'SUBAGENT_STARTED' without a 'subagentRunId'.`));
          if (typeof e2.name != `string`)
            return throwError(() => new AGUIError(`Cannot send 'SUBAGENT_STARTED' without a 'name'.`));
          const t3 = e2.subagentRunId,
            r2 = e2.parentSubagentRunId;
          return g.has(t3)
            ? throwError(
                () =>
                  new AGUIError(
                    `Cannot send 'SUBAGENT_STARTED': subagent '${t3}' is already active. Finish it with 'SUBAGENT_FINISHED' first.`,
                  ),
              )
            : _.has(t3)
              ? throwError(
                  () =>
                    new AGUIError(
                      `Cannot send 'SUBAGENT_STARTED': subagent '${t3}' has already finished in this run. Subagent IDs are per-invocation and cannot be reused.`,
                    ),
                )
              : r2 !== void 0 && !g.has(r2) && !_.has(r2)
                ? throwError(
                    () =>
                      new AGUIError(
                        `Cannot send 'SUBAGENT_STARTED': parentSubagentRunId '${r2}' has not been started in this run.`,
                      ),
                  )
                : (g.set(t3, true), of(e2));
        }
        case EventType.SUBAGENT_FINISHED:
        case EventType.SUBAGENT_ERROR: {
          if (typeof e2.subagentRunId != `string`)
            return throwError(() => new AGUIError(`Cannot send '${t2}' without a 'subagentRunId'.`));
          if (t2 === EventType.SUBAGENT_ERROR && typeof e2.message != `string`)
            return throwError(() => new AGUIError(`Cannot send 'SUBAGENT_ERROR' without a 'message'.`));
          const i2 = e2.subagentRunId;
          return g.has(i2)
            ? (g.delete(i2), _.add(i2), of(e2))
            : throwError(
                () =>
                  new AGUIError(
                    `Cannot send '${t2}': no active subagent found with ID '${i2}'. A 'SUBAGENT_STARTED' event must be sent first.`,
                  ),
              );
        }
        case EventType.MESSAGES_SNAPSHOT:
          {
            const t3 = x(e2.messages, true);
            if (t3) return throwError(() => t3);
          }
          return of(e2);
        case EventType.RUN_STARTED:
          v = true;
          {
            const t3 = x((e2.input ?? {}).messages, false);
            if (t3) return throwError(() => t3);
          }
          return of(e2);
        case EventType.RUN_FINISHED:
          if (h()) {
            const e3 = [];
            for (const [t4, n] of p)
              for (const r2 of n.keys()) e3.push(t4 === void 0 ? r2 : `${r2} (subagent '${t4}')`);
            const t3 = e3.join(`, `);
            return throwError(() => new AGUIError(`Cannot send 'RUN_FINISHED' while steps are still active: ${t3}`));
          }
          if (a.size > 0) {
            const e3 = Array.from(a.keys()).join(`, `);
            return throwError(
              () => new AGUIError(`Cannot send 'RUN_FINISHED' while text messages are still active: ${e3}`),
            );
          }
          if (c.size > 0) {
            const e3 = Array.from(c.keys()).join(`, `);
            return throwError(
              () => new AGUIError(`Cannot send 'RUN_FINISHED' while reasoning messages are still active: ${e3}`),
            );
          }
          if (s.size > 0) {
            const e3 = Array.from(s.keys()).join(`, `);
            return throwError(
              () => new AGUIError(`Cannot send 'RUN_FINISHED' while reasoning spans are still active: ${e3}`),
            );
          }
          if (o.size > 0) {
            const e3 = Array.from(o.keys()).join(`, `);
            return throwError(
              () => new AGUIError(`Cannot send 'RUN_FINISHED' while tool calls are still active: ${e3}`),
            );
          }
          if (g.size > 0) {
            const e3 = Array.from(g.keys()).join(`, `);
            return throwError(
              () => new AGUIError(`Cannot send 'RUN_FINISHED' while subagents are still active: ${e3}`),
            );
          }
          return ((u = true), of(e2));
        case EventType.RUN_ERROR:
          return ((d = true), of(e2));
        case EventType.CUSTOM:
          return of(e2);
        default:
          return of(e2);
      }
    }),
  );
};
var R = ((e) => ((e.HEADERS = `headers`), (e.DATA = `data`), e))({});
var Ce = (e) =>
  defer(() => from(e())).pipe(
    switchMap((e2) => {
      if (!e2.ok) {
        const t2 = e2.headers.get(`content-type`) || ``;
        return from(e2.text()).pipe(
          mergeMap((n2) => {
            let r2 = n2;
            if (t2.includes(`application/json`))
              try {
                r2 = JSON.parse(n2);
              } catch {}
            const i = Error(`HTTP ${e2.status}: ${typeof r2 == `string` ? r2 : JSON.stringify(r2)}`);
            return ((i.status = e2.status), (i.payload = r2), throwError(() => i));
          }),
        );
      }
      const t = { type: R.HEADERS, status: e2.status, headers: e2.headers },
        n = e2.body?.getReader();
      return n
        ? new Observable(
            (e3) => (
              e3.next(t),
              (async () => {
                try {
                  for (;;) {
                    const { done: t2, value: r2 } = await n.read();
                    if (t2) break;
                    const i = { type: R.DATA, data: r2 };
                    e3.next(i);
                  }
                  e3.complete();
                } catch (t2) {
                  e3.error(t2);
                }
              })(),
              () => {
                n.cancel().catch((e4) => {
                  if (e4?.name !== `AbortError`) throw e4;
                });
              }
            ),
          )
        : throwError(() => Error(`Failed to getReader() from response`));
    }),
  );
var we = 10 * 1024 * 1024;
var Te = (e, t) => {
  let n = N(t),
    r2 = new Subject(),
    i = new TextDecoder(`utf-8`, { fatal: false }),
    a = ``;
  e.subscribe({
    next: (e2) => {
      if (e2.type !== R.HEADERS && e2.type === R.DATA && e2.data) {
        const t2 = i.decode(e2.data, { stream: true });
        a += t2;
        const n2 = a.split(/\n\n/);
        a = n2.pop() || ``;
        for (const e3 of n2) o(e3);
        if (a.length > we) {
          r2.error(Error(`SSE buffer size exceeded maximum limit of ${we / (1024 * 1024)} MB`));
          return;
        }
      }
    },
    error: (e2) => r2.error(e2),
    complete: () => {
      a && ((a += i.decode()), o(a)), r2.complete();
    },
  });
  function o(e2) {
    const t2 = e2.split(`
`),
      i2 = [];
    for (const e3 of t2) e3.startsWith(`data:`) && i2.push(e3.slice(5).replace(/^ /, ``));
    if (i2.length > 0)
      try {
        const e3 = i2.join(`
`),
          t3 = JSON.parse(e3);
        n?.event(`SSE`, `Event received:`, t3, { type: t3?.type }), r2.next(t3);
      } catch (e3) {
        r2.error(e3);
      }
  }
  return r2.asObservable();
};
var Ee = 10 * 1024 * 1024;
var De = () => typeof process < `u` && process.env !== void 0 && !!process.env.SUPPRESS_TRANSFORMATION_WARNINGS;
var Oe = (e, t) => {
  let n = N(t),
    r2 = new Subject(),
    i = new Uint8Array(),
    a = false;
  e.subscribe({
    next: (e2) => {
      if (e2.type !== R.HEADERS && e2.type === R.DATA && e2.data) {
        const t2 = new Uint8Array(i.length + e2.data.length);
        t2.set(i, 0), t2.set(e2.data, i.length), (i = t2), o();
      }
    },
    error: (e2) => r2.error(e2),
    complete: () => {
      if ((o(), !a)) {
        if (i.length > 0) {
          r2.error(
            Error(
              `The binary stream ended mid-frame: ${i.length} trailing bytes could not be read as a complete message.`,
            ),
          );
          return;
        }
        r2.complete();
      }
    },
  });
  function o() {
    if (!a)
      for (; i.length >= 4; ) {
        const e2 = 4 + new DataView(i.buffer, i.byteOffset, 4).getUint32(0, false);
        if (e2 > Ee) {
          r2.error(Error(`Protobuf message size exceeded maximum limit of ${Ee / (1024 * 1024)} MB`));
          return;
        }
        if (i.length < e2) break;
        try {
          const t2 = i.slice(4, e2),
            a2 = decode(t2);
          n?.event(`PROTO`, `Event received:`, a2, { type: a2.type }), r2.next(a2);
        } catch (e3) {
          if (e3 instanceof AGUIUnknownEventTypeError)
            De() ||
              console.warn(
                `[ag-ui][proto] Dropped an event this build does not know: the protocol has a variant this SDK predates.`,
              );
          else {
            const t2 = e3 instanceof Error ? e3.message : String(e3);
            (a = true), r2.error(Error(`Failed to decode protocol buffer message: ${t2}`));
            return;
          }
        }
        i = i.slice(e2);
      }
  }
  return r2.asObservable();
};
var ke = (e, t) => {
  let n = N(t),
    i = new Subject(),
    a = new ReplaySubject(1),
    o = false,
    s,
    c = false,
    l = () => {
      (c = true), s?.unsubscribe();
    },
    u = (e2) => {
      l(), i.error(e2);
    },
    d = () => {
      l(), i.complete();
    };
  return (
    (s = e.subscribe({
      next: (e2) => {
        if ((a.next(e2), e2.type === R.HEADERS && !o)) {
          o = true;
          const t2 = e2.headers.get(`content-type`);
          n?.lifecycle(`HTTP`, `Stream format detected:`, {
            contentType: t2,
            parser: t2 === AGUI_MEDIA_TYPE ? `protobuf` : `sse`,
          }),
            t2 === AGUI_MEDIA_TYPE
              ? Oe(a, n).subscribe({ next: (e3) => i.next(e3), error: (e3) => u(e3), complete: () => d() })
              : Te(a, n).subscribe({
                  next: (e3) => {
                    if (typeof e3 != `object` || !e3 || Array.isArray(e3)) {
                      const t4 = Error(`Invalid event: the frame is not a JSON object.`);
                      n?.event(`HTTP`, `Event invalid:`, { json: e3, error: String(t4) }), u(t4);
                      return;
                    }
                    const t3 = e3;
                    if (typeof t3.type != `string` || t3.type.length === 0) {
                      const t4 = Error(`Invalid event: the frame carries no event type.`);
                      n?.event(`HTTP`, `Event invalid:`, { json: e3, error: String(t4) }), u(t4);
                      return;
                    }
                    n?.event(`HTTP`, `Event received:`, e3, { type: t3.type }), i.next(e3);
                  },
                  error: (e3) => {
                    if (e3?.name === `AbortError`) {
                      i.next({
                        type: EventType.RUN_ERROR,
                        message: e3.message || `Request aborted`,
                        code: `abort`,
                        rawEvent: e3,
                      }),
                        d();
                      return;
                    }
                    return u(e3);
                  },
                  complete: () => d(),
                });
        } else o || u(Error(`No headers event received before data events`));
      },
      error: (e2) => {
        a.error(e2), u(e2);
      },
      complete: () => {
        a.complete();
      },
    })),
    c && s.unsubscribe(),
    i.asObservable()
  );
};
var z = {
  TextMessageStart: `TextMessageStart`,
  TextMessageContent: `TextMessageContent`,
  TextMessageEnd: `TextMessageEnd`,
  ActionExecutionStart: `ActionExecutionStart`,
  ActionExecutionArgs: `ActionExecutionArgs`,
  ActionExecutionEnd: `ActionExecutionEnd`,
  ActionExecutionResult: `ActionExecutionResult`,
  AgentStateMessage: `AgentStateMessage`,
  MetaEvent: `MetaEvent`,
  RunStarted: `RunStarted`,
  RunFinished: `RunFinished`,
  RunError: `RunError`,
  NodeStarted: `NodeStarted`,
  NodeFinished: `NodeFinished`,
};
var Ae = (e) => {
  if (typeof e == `string`) return e;
  if (!Array.isArray(e)) return;
  const t = e
    .filter((e2) => e2.type === `text`)
    .map((e2) => e2.text)
    .filter((e2) => e2.length > 0);
  if (t.length !== 0)
    return t.join(`
`);
};
function je(e, t) {
  return (
    contentHasMedia(t) &&
      B(
        `[ag-ui][legacy] The result of tool call '${e}' carries content parts the legacy protocol cannot represent; only its text parts are bridged and the rest is dropped.`,
      ),
    contentToText(t)
  );
}
var B = (e) => {
  (typeof process < `u` && process.env !== void 0 && process.env.SUPPRESS_TRANSFORMATION_WARNINGS) || console.warn(e);
};
var Me = (e, t, n) => (i) => {
  let a = {},
    o = true,
    s = true,
    c = ``,
    u = null,
    d = null,
    f = [],
    p = {},
    m = false,
    h = (e2) => {
      typeof e2 == `object` && e2 && (`messages` in e2 && delete e2.messages, (a = e2));
    };
  return i.pipe(
    mergeMap((i2) => {
      switch (i2.type) {
        case EventType.TEXT_MESSAGE_START: {
          const e2 = i2;
          return [{ type: z.TextMessageStart, messageId: e2.messageId, role: e2.role }];
        }
        case EventType.TEXT_MESSAGE_CONTENT: {
          const e2 = i2;
          return [{ type: z.TextMessageContent, messageId: e2.messageId, content: e2.delta }];
        }
        case EventType.TEXT_MESSAGE_END: {
          const e2 = i2;
          return [{ type: z.TextMessageEnd, messageId: e2.messageId }];
        }
        case EventType.TOOL_CALL_START: {
          const e2 = i2;
          return (
            f.push({ id: e2.toolCallId, type: `function`, function: { name: e2.toolCallName, arguments: `` } }),
            (s = true),
            (p[e2.toolCallId] = e2.toolCallName),
            [
              {
                type: z.ActionExecutionStart,
                actionExecutionId: e2.toolCallId,
                actionName: e2.toolCallName,
                parentMessageId: e2.parentMessageId,
              },
            ]
          );
        }
        case EventType.TOOL_CALL_ARGS: {
          const r2 = i2,
            l = f.find((e2) => e2.id === r2.toolCallId);
          if (!l) return (B(`[ag-ui][legacy] TOOL_CALL_ARGS: No tool call found with ID '${r2.toolCallId}'`), []);
          l.function.arguments += r2.delta;
          let u2 = false;
          if (d) {
            const e2 = d.find((e3) => e3.tool == l.function.name);
            if (e2)
              try {
                const t2 = JSON.parse(untruncateJson(l.function.arguments));
                e2.tool_argument && e2.tool_argument in t2
                  ? (h({ ...a, [e2.state_key]: t2[e2.tool_argument] }), (u2 = true))
                  : e2.tool_argument || (h({ ...a, [e2.state_key]: t2 }), (u2 = true));
              } catch {}
          }
          return [
            { type: z.ActionExecutionArgs, actionExecutionId: r2.toolCallId, args: r2.delta },
            ...(u2
              ? [
                  {
                    type: z.AgentStateMessage,
                    threadId: e,
                    agentName: n,
                    nodeName: c,
                    runId: t,
                    running: o,
                    role: `assistant`,
                    state: JSON.stringify(a),
                    active: s,
                  },
                ]
              : []),
          ];
        }
        case EventType.TOOL_CALL_END: {
          const e2 = i2;
          return [{ type: z.ActionExecutionEnd, actionExecutionId: e2.toolCallId }];
        }
        case EventType.TOOL_CALL_RESULT: {
          const e2 = i2,
            t2 = p[e2.toolCallId];
          return (
            (t2 === void 0 || t2 === ``) &&
              B(
                `[ag-ui][legacy] No usable tool name was seen for tool call '${e2.toolCallId}' (${t2 === void 0 ? `no TOOL_CALL_START reached this bridge` : `its TOOL_CALL_START carried an empty toolCallName`}), so its result is being bridged with the fabricated action name "unknown". Downstream consumers route on that name.`,
              ),
            [
              {
                type: z.ActionExecutionResult,
                actionExecutionId: e2.toolCallId,
                result: je(e2.toolCallId, e2.content),
                actionName: t2 || `unknown`,
              },
            ]
          );
        }
        case EventType.RAW:
          return (
            m ||
              ((m = true),
              B(
                `[ag-ui][legacy] Dropping RAW events: the legacy runtime protocol has no equivalent, so the provider payloads they carry do not reach the legacy stream. Reported once per stream.`,
              )),
            []
          );
        case EventType.CUSTOM: {
          const e2 = i2;
          switch (e2.name) {
            case `Exit`:
              o = false;
              break;
            case `PredictState`:
              d = e2.value;
              break;
          }
          return [{ type: z.MetaEvent, name: e2.name, value: e2.value }];
        }
        case EventType.STATE_SNAPSHOT:
          return (
            h(i2.snapshot),
            [
              {
                type: z.AgentStateMessage,
                threadId: e,
                agentName: n,
                nodeName: c,
                runId: t,
                running: o,
                role: `assistant`,
                state: JSON.stringify(a),
                active: s,
              },
            ]
          );
        case EventType.STATE_DELTA: {
          let r2 = i2,
            u2;
          try {
            u2 = fast_json_patch_default.applyPatch(a, r2.delta, true, false).newDocument;
          } catch (e2) {
            const t2 = e2 instanceof Error ? e2.message : String(e2);
            return (
              B(`[ag-ui][legacy] Failed to apply state patch:
Current state: ${JSON.stringify(a, null, 2)}
Patch operations: ${JSON.stringify(r2.delta, null, 2)}
Error: ${t2}`),
              []
            );
          }
          return (
            h(u2),
            [
              {
                type: z.AgentStateMessage,
                threadId: e,
                agentName: n,
                nodeName: c,
                runId: t,
                running: o,
                role: `assistant`,
                state: JSON.stringify(a),
                active: s,
              },
            ]
          );
        }
        case EventType.MESSAGES_SNAPSHOT:
          return (
            (u = i2.messages),
            [
              {
                type: z.AgentStateMessage,
                threadId: e,
                agentName: n,
                nodeName: c,
                runId: t,
                running: o,
                role: `assistant`,
                state: JSON.stringify({ ...a, ...(u ? { messages: u } : {}) }),
                active: true,
              },
            ]
          );
        case EventType.RUN_STARTED:
          return [];
        case EventType.RUN_FINISHED: {
          if ((u && (a.messages = u), Object.keys(a).length === 0)) return [];
          let r2 = null;
          if (u)
            try {
              r2 = Ne(u);
            } catch (e2) {
              return [{ type: z.RunError, message: e2.message }];
            }
          return [
            {
              type: z.AgentStateMessage,
              threadId: e,
              agentName: n,
              nodeName: c,
              runId: t,
              running: o,
              role: `assistant`,
              state: JSON.stringify({ ...a, ...(r2 ? { messages: r2 } : {}) }),
              active: false,
            },
          ];
        }
        case EventType.RUN_ERROR: {
          const e2 = i2;
          return [{ type: z.RunError, message: e2.message, code: e2.code }];
        }
        case EventType.STEP_STARTED:
          return (
            (c = i2.stepName),
            (f = []),
            (d = null),
            [
              {
                type: z.AgentStateMessage,
                threadId: e,
                agentName: n,
                nodeName: c,
                runId: t,
                running: o,
                role: `assistant`,
                state: JSON.stringify(a),
                active: true,
              },
            ]
          );
        case EventType.STEP_FINISHED:
          return (
            (f = []),
            (d = null),
            [
              {
                type: z.AgentStateMessage,
                threadId: e,
                agentName: n,
                nodeName: c,
                runId: t,
                running: o,
                role: `assistant`,
                state: JSON.stringify(a),
                active: false,
              },
            ]
          );
        default:
          return [];
      }
    }),
  );
};
function Ne(e) {
  const t = [];
  for (const n of e)
    if (n.role === `assistant` || n.role === `user` || n.role === `system`) {
      const e2 = Ae(n.content);
      if (e2) {
        const r2 = { id: n.id, role: n.role, content: e2 };
        t.push(r2);
      }
      if (n.role === `assistant` && n.toolCalls && n.toolCalls.length > 0)
        for (const e3 of n.toolCalls) {
          let r2;
          try {
            r2 = JSON.parse(e3.function.arguments);
          } catch (t2) {
            throw Error(`Failed to parse arguments for tool call '${e3.id}' (${e3.function.name}): ${t2.message}`);
          }
          const i = { id: e3.id, name: e3.function.name, arguments: r2, parentMessageId: n.id };
          t.push(i);
        }
    } else if (n.role === `tool`) {
      let r2 = `unknown`;
      for (const t2 of e)
        if (t2.role === `assistant` && t2.toolCalls?.length) {
          for (const e2 of t2.toolCalls)
            if (e2.id === n.toolCallId) {
              r2 = e2.function.name;
              break;
            }
        }
      const i = { id: n.id, result: je(n.toolCallId, n.content), actionExecutionId: n.toolCallId, actionName: r2 };
      t.push(i);
    }
  return t;
}
var Pe = (e) => (e.kind === `tool` ? e.fields.toolCallId : e.fields.messageId);
var Fe = (e) => (e === `tool` ? `toolCallId` : `messageId`);
var V = (e, t, n, r2, i) => {
  if (r2 !== void 0 && r2 !== i)
    throw Error(
      `Cannot continue ${e} '${t}': chunk ${n} '${r2}' does not match the open stream's ${n} ${i === void 0 ? `(absent)` : `'${i}'`}.`,
    );
};
var H = (e, t) => (t.metadata === void 0 ? e : { ...e, metadata: t.metadata });
var Ie = (e, t) => {
  const n = H(e, t);
  return t.rawEvent === void 0 ? n : { ...n, rawEvent: t.rawEvent };
};
var Le = (e) => new Set(Object.keys(e.shape));
var Re = Le(TextMessageChunkEventSchema);
var ze = Le(ToolCallChunkEventSchema);
var Be = Le(ReasoningMessageChunkEventSchema);
var Ve = (e, t) => {
  let n;
  for (const r2 of Object.keys(e)) t.has(r2) || ((n ??= {})[r2] = e[r2]);
  return n;
};
var He = (e) => {
  (typeof process < `u` && process.env !== void 0 && process.env.SUPPRESS_TRANSFORMATION_WARNINGS) ||
    console.warn(`[ag-ui][transform] ${e} Set SUPPRESS_TRANSFORMATION_WARNINGS=true to silence.`);
};
var Ue = (e, t, n, r2) => {
  if (t === void 0 || n || e.length === 0) return;
  const i = e[e.length - 1],
    a = Object.keys(t).filter((e2) => Object.hasOwn(i, e2));
  a.length > 0 &&
    He(
      `A ${r2} carried ${a.map((e2) => `'${e2}'`).join(`, `)}, which the synthesized ${String(i.type)} already describes. The synthesized value is kept and the chunk's is dropped — this stage does not judge a described field, so the producer's value cannot be substituted for its own.`,
    ),
    (e[e.length - 1] = { ...t, ...i });
};
var U = (e) => (t) => {
  const n = N(e),
    i = /* @__PURE__ */ new Map(),
    a = (e2) => {
      const t2 = i.get(e2);
      if (!t2) return [];
      switch ((i.delete(e2), t2.kind)) {
        case `text`: {
          const e3 = {
            type: EventType.TEXT_MESSAGE_END,
            messageId: t2.fields.messageId,
            ...(t2.fields.subagentRunId !== void 0 && { subagentRunId: t2.fields.subagentRunId }),
          };
          return (n?.event(`TRANSFORM`, `TEXT_MESSAGE_END`, e3, { messageId: e3.messageId }), [e3]);
        }
        case `tool`: {
          const e3 = {
            type: EventType.TOOL_CALL_END,
            toolCallId: t2.fields.toolCallId,
            ...(t2.fields.subagentRunId !== void 0 && { subagentRunId: t2.fields.subagentRunId }),
          };
          return (n?.event(`TRANSFORM`, `TOOL_CALL_END`, e3, { toolCallId: e3.toolCallId }), [e3]);
        }
        case `reasoning`: {
          const e3 = {
            type: EventType.REASONING_MESSAGE_END,
            messageId: t2.fields.messageId,
            ...(t2.fields.subagentRunId !== void 0 && { subagentRunId: t2.fields.subagentRunId }),
          };
          return (n?.event(`TRANSFORM`, `REASONING_MESSAGE_END`, e3, { messageId: e3.messageId }), [e3]);
        }
      }
    },
    o = () => [...i.keys()].flatMap((e2) => a(e2)),
    s = (e2, t2) => {
      for (const [n2, r2] of i) if (r2.kind === e2 && Pe(r2) === t2) return { owner: n2 };
    },
    c = (e2, t2, n2, r2, a2) => {
      if (t2 !== void 0) {
        const r3 = s(e2, t2);
        if (r3) {
          if (n2 !== void 0 && n2 !== r3.owner)
            throw Error(
              `Cannot continue ${a2} '${t2}': chunk subagentRunId '${n2}' does not match the open stream's subagent '${r3.owner ?? `(the parent agent)`}'.`,
            );
          return r3.owner;
        }
        return n2;
      }
      if (n2 !== void 0) return n2;
      if (i.get(void 0)?.kind === e2) return;
      const o2 = [...i.entries()].filter(([, t3]) => t3.kind === e2);
      if (o2.length === 1) return o2[0][0];
      if (o2.length > 1)
        throw Error(
          `Ambiguous ${r2}: it carries neither a ${Fe(e2)} nor a subagentRunId, but ${o2.length} lanes have an open ${a2}. Attribute the chunk to the subagent it belongs to.`,
        );
    };
  return t.pipe(
    mergeMap((e2) => {
      switch (e2.type) {
        case EventType.TEXT_MESSAGE_START:
        case EventType.TEXT_MESSAGE_CONTENT:
        case EventType.TEXT_MESSAGE_END:
        case EventType.TOOL_CALL_START:
        case EventType.TOOL_CALL_ARGS:
        case EventType.TOOL_CALL_END:
        case EventType.TOOL_CALL_RESULT:
        case EventType.STATE_SNAPSHOT:
        case EventType.STATE_DELTA:
        case EventType.CUSTOM:
        case EventType.STEP_STARTED:
        case EventType.STEP_FINISHED:
        case EventType.REASONING_START:
        case EventType.REASONING_MESSAGE_START:
        case EventType.REASONING_MESSAGE_CONTENT:
        case EventType.REASONING_MESSAGE_END:
        case EventType.REASONING_END:
          return [...a(e2.subagentRunId ?? void 0), e2];
        case EventType.RUN_STARTED:
        case EventType.RUN_FINISHED:
        case EventType.RUN_ERROR:
        case EventType.MESSAGES_SNAPSHOT:
          return [...o(), e2];
        case EventType.RAW:
        case EventType.ACTIVITY_SNAPSHOT:
        case EventType.ACTIVITY_DELTA:
        case EventType.REASONING_ENCRYPTED_VALUE:
        case EventType.SUBAGENT_STARTED:
          return [e2];
        case EventType.SUBAGENT_FINISHED:
        case EventType.SUBAGENT_ERROR: {
          const t2 = e2.subagentRunId;
          return t2 == null ? [e2] : [...a(t2), e2];
        }
        case EventType.TEXT_MESSAGE_CHUNK: {
          let t2 = e2,
            o2 = Ve(e2, Re),
            s2 = c(`text`, t2.messageId, t2.subagentRunId ?? void 0, `TEXT_MESSAGE_CHUNK`, `text message`),
            l = i.get(s2),
            u = [],
            d = false,
            f;
          if (l?.kind === `text` && (t2.messageId === void 0 || t2.messageId === l.fields.messageId))
            V(`text message`, l.fields.messageId, `role`, t2.role, l.fields.role),
              V(`text message`, l.fields.messageId, `name`, t2.name, l.fields.name),
              (f = l.fields);
          else {
            if ((u.push(...a(s2)), t2.messageId === void 0))
              throw Error(`First TEXT_MESSAGE_CHUNK must have a messageId`);
            (f = {
              messageId: t2.messageId,
              role: t2.role === void 0 ? `assistant` : t2.role,
              name: t2.name,
              subagentRunId: t2.subagentRunId,
            }),
              i.set(s2, { kind: `text`, fields: f });
            const e3 = H(
              {
                type: EventType.TEXT_MESSAGE_START,
                messageId: t2.messageId,
                role: f.role,
                ...(t2.name !== void 0 && { name: t2.name }),
                ...(t2.subagentRunId !== void 0 && { subagentRunId: t2.subagentRunId }),
              },
              t2,
            );
            u.push(e3), n?.event(`TRANSFORM`, `TEXT_MESSAGE_START`, e3, { messageId: t2.messageId });
          }
          if (t2.delta !== void 0 || t2.rawEvent !== void 0) {
            const e3 = t2.subagentRunId === void 0 ? f.subagentRunId : t2.subagentRunId,
              i2 = Ie(
                {
                  ...o2,
                  type: EventType.TEXT_MESSAGE_CONTENT,
                  messageId: f.messageId,
                  delta: t2.delta === void 0 ? `` : t2.delta,
                  ...(e3 !== void 0 && { subagentRunId: e3 }),
                },
                t2,
              );
            u.push(i2), (d = true), n?.event(`TRANSFORM`, `TEXT_MESSAGE_CONTENT`, i2, { messageId: f.messageId });
          }
          if (
            u.length === 0 &&
            (t2.metadata !== void 0 || t2.rawEvent !== void 0 || t2.subagentRunId === null || o2 !== void 0)
          ) {
            const e3 = t2.subagentRunId === void 0 ? f.subagentRunId : t2.subagentRunId;
            u.push({
              ...o2,
              type: EventType.TEXT_MESSAGE_CONTENT,
              messageId: f.messageId,
              delta: ``,
              ...(t2.metadata !== void 0 && { metadata: t2.metadata }),
              ...(t2.rawEvent !== void 0 && { rawEvent: t2.rawEvent }),
              ...(e3 !== void 0 && { subagentRunId: e3 }),
            }),
              (d = true);
          }
          return (Ue(u, o2, d, `TEXT_MESSAGE_CHUNK`), u);
        }
        case EventType.TOOL_CALL_CHUNK: {
          let t2 = e2,
            o2 = Ve(e2, ze),
            s2 = c(`tool`, t2.toolCallId, t2.subagentRunId ?? void 0, `TOOL_CALL_CHUNK`, `tool call`),
            l = i.get(s2),
            u = [],
            d = false,
            f;
          if (l?.kind === `tool` && (t2.toolCallId === void 0 || t2.toolCallId === l.fields.toolCallId))
            V(`tool call`, l.fields.toolCallId, `toolCallName`, t2.toolCallName, l.fields.toolCallName),
              V(`tool call`, l.fields.toolCallId, `parentMessageId`, t2.parentMessageId, l.fields.parentMessageId),
              (f = l.fields);
          else {
            if ((u.push(...a(s2)), t2.toolCallId === void 0))
              throw Error(`First TOOL_CALL_CHUNK must have a toolCallId`);
            if (t2.toolCallName === void 0) throw Error(`First TOOL_CALL_CHUNK must have a toolCallName`);
            (f = {
              toolCallId: t2.toolCallId,
              toolCallName: t2.toolCallName,
              parentMessageId: t2.parentMessageId,
              subagentRunId: t2.subagentRunId,
            }),
              i.set(s2, { kind: `tool`, fields: f });
            const e3 = H(
              {
                type: EventType.TOOL_CALL_START,
                toolCallId: t2.toolCallId,
                toolCallName: t2.toolCallName,
                ...(t2.parentMessageId !== void 0 && { parentMessageId: t2.parentMessageId }),
                ...(t2.subagentRunId !== void 0 && { subagentRunId: t2.subagentRunId }),
              },
              t2,
            );
            u.push(e3),
              n?.event(`TRANSFORM`, `TOOL_CALL_START`, e3, {
                toolCallId: t2.toolCallId,
                toolCallName: t2.toolCallName,
              });
          }
          if (t2.delta !== void 0 || t2.rawEvent !== void 0) {
            const e3 = t2.subagentRunId === void 0 ? f.subagentRunId : t2.subagentRunId,
              i2 = Ie(
                {
                  ...o2,
                  type: EventType.TOOL_CALL_ARGS,
                  toolCallId: f.toolCallId,
                  delta: t2.delta === void 0 ? `` : t2.delta,
                  ...(e3 !== void 0 && { subagentRunId: e3 }),
                },
                t2,
              );
            u.push(i2), (d = true), n?.event(`TRANSFORM`, `TOOL_CALL_ARGS`, i2, { toolCallId: f.toolCallId });
          }
          if (
            u.length === 0 &&
            (t2.metadata !== void 0 || t2.rawEvent !== void 0 || t2.subagentRunId === null || o2 !== void 0)
          ) {
            const e3 = t2.subagentRunId === void 0 ? f.subagentRunId : t2.subagentRunId;
            u.push({
              ...o2,
              type: EventType.TOOL_CALL_ARGS,
              toolCallId: f.toolCallId,
              delta: ``,
              ...(t2.metadata !== void 0 && { metadata: t2.metadata }),
              ...(t2.rawEvent !== void 0 && { rawEvent: t2.rawEvent }),
              ...(e3 !== void 0 && { subagentRunId: e3 }),
            }),
              (d = true);
          }
          return (Ue(u, o2, d, `TOOL_CALL_CHUNK`), u);
        }
        case EventType.REASONING_MESSAGE_CHUNK: {
          let t2 = e2,
            o2 = Ve(e2, Be),
            s2 = c(
              `reasoning`,
              t2.messageId,
              t2.subagentRunId ?? void 0,
              `REASONING_MESSAGE_CHUNK`,
              `reasoning message`,
            ),
            l = i.get(s2),
            u = [],
            d = false,
            f;
          if (l?.kind === `reasoning` && (t2.messageId === void 0 || t2.messageId === l.fields.messageId)) f = l.fields;
          else {
            if ((u.push(...a(s2)), t2.messageId === void 0))
              throw Error(`First REASONING_MESSAGE_CHUNK must have a messageId`);
            (f = { messageId: t2.messageId, subagentRunId: t2.subagentRunId }),
              i.set(s2, { kind: `reasoning`, fields: f });
            const e3 = H(
              {
                type: EventType.REASONING_MESSAGE_START,
                messageId: t2.messageId,
                role: `reasoning`,
                ...(t2.subagentRunId !== void 0 && { subagentRunId: t2.subagentRunId }),
              },
              t2,
            );
            u.push(e3), n?.event(`TRANSFORM`, `REASONING_MESSAGE_START`, e3, { messageId: t2.messageId });
          }
          if (t2.delta !== void 0 || t2.rawEvent !== void 0) {
            const e3 = t2.subagentRunId === void 0 ? f.subagentRunId : t2.subagentRunId,
              i2 = Ie(
                {
                  ...o2,
                  type: EventType.REASONING_MESSAGE_CONTENT,
                  messageId: f.messageId,
                  delta: t2.delta === void 0 ? `` : t2.delta,
                  ...(e3 !== void 0 && { subagentRunId: e3 }),
                },
                t2,
              );
            u.push(i2), (d = true), n?.event(`TRANSFORM`, `REASONING_MESSAGE_CONTENT`, i2, { messageId: f.messageId });
          }
          if (
            u.length === 0 &&
            (t2.metadata !== void 0 || t2.rawEvent !== void 0 || t2.subagentRunId === null || o2 !== void 0)
          ) {
            const e3 = t2.subagentRunId === void 0 ? f.subagentRunId : t2.subagentRunId;
            u.push({
              ...o2,
              type: EventType.REASONING_MESSAGE_CONTENT,
              messageId: f.messageId,
              delta: ``,
              ...(t2.metadata !== void 0 && { metadata: t2.metadata }),
              ...(t2.rawEvent !== void 0 && { rawEvent: t2.rawEvent }),
              ...(e3 !== void 0 && { subagentRunId: e3 }),
            }),
              (d = true);
          }
          return (Ue(u, o2, d, `REASONING_MESSAGE_CHUNK`), u);
        }
      }
      return (e2.type, [e2]);
    }),
    finalize(() => {
      o();
    }),
  );
};
var W = /* @__PURE__ */ Symbol(`agui.strip.drop`);
function G(e) {
  let t = e;
  for (;;) {
    if (
      t instanceof external_exports.ZodOptional ||
      t instanceof external_exports.ZodNullable ||
      t instanceof external_exports.ZodDefault ||
      t instanceof external_exports.ZodReadonly ||
      t instanceof external_exports.ZodCatch
    ) {
      t = t.unwrap();
      continue;
    }
    if (t instanceof external_exports.ZodPipe) {
      t = t.def.in;
      continue;
    }
    if (t instanceof external_exports.ZodLazy) {
      t = t.def.getter();
      continue;
    }
    return t;
  }
}
function We(e) {
  const t = e.def;
  return typeof t?.discriminator == `string` ? t.discriminator : void 0;
}
function Ge(e) {
  const t = e,
    n = Array.isArray(t.def?.values) ? t.def.values : t.values ? Array.from(t.values) : void 0;
  return n && n.length === 1 ? n[0] : t.value;
}
function Ke(e) {
  const t = G(e);
  return t instanceof external_exports.ZodLiteral ? Ge(t) : void 0;
}
function K(e, t, n, r2) {
  const i = G(t);
  if (i instanceof external_exports.ZodObject) {
    if (typeof e != `object` || !e || Array.isArray(e)) return e;
    const t2 = i.shape,
      a = e,
      o = {},
      s = i.meta()?.specOpen === true;
    for (const e2 of Object.keys(a)) {
      const i2 = Object.hasOwn(t2, e2) ? t2[e2] : void 0;
      if (i2 === void 0) {
        if (s) {
          o[e2] = a[e2];
          continue;
        }
        r2.push(`${n}/${e2}`);
        continue;
      }
      const c = r2.length,
        l = K(a[e2], i2, `${n}/${e2}`, r2);
      if (l === W) {
        if (((r2.length = c), i2.safeParse(void 0).success)) {
          r2.push(`${n}/${e2}`);
          continue;
        }
        return W;
      }
      o[e2] = l;
    }
    return o;
  }
  if (i instanceof external_exports.ZodArray) {
    if (!Array.isArray(e)) return e;
    const t2 = i.element,
      a = [];
    return (
      e.forEach((e2, i2) => {
        const o = r2.length,
          s = K(e2, t2, `${n}/${i2}`, r2);
        if (s === W) {
          (r2.length = o), r2.push(`${n}/${i2}`);
          return;
        }
        a.push(s);
      }),
      a
    );
  }
  if (i instanceof external_exports.ZodRecord) {
    if (typeof e != `object` || !e || Array.isArray(e)) return e;
    const t2 = i.def.valueType,
      a = e,
      o = {};
    for (const e2 of Object.keys(a)) {
      const i2 = r2.length,
        s = K(a[e2], t2, `${n}/${e2}`, r2);
      if (s === W) {
        (r2.length = i2), r2.push(`${n}/${e2}`);
        continue;
      }
      o[e2] = s;
    }
    return o;
  }
  if (i instanceof external_exports.ZodUnion) {
    const t2 = i.options,
      a = We(i);
    if (a !== void 0) {
      if (typeof e != `object` || !e || Array.isArray(e)) return e;
      const i2 = e[a];
      for (const o2 of t2) {
        const t3 = G(o2);
        if (!(t3 instanceof external_exports.ZodObject)) continue;
        const s2 = t3.shape;
        if (Ke(s2[a]) === i2) return K(e, o2, n, r2);
      }
      return W;
    }
    const o = t2.filter((e2) => G(e2) instanceof external_exports.ZodObject),
      s = typeof e == `object` && !!e && !Array.isArray(e);
    if (o.length > 1 && s) return e;
    for (const i2 of t2) {
      const t3 = G(i2);
      if (
        (t3 instanceof external_exports.ZodArray && Array.isArray(e)) ||
        (t3 instanceof external_exports.ZodObject && s)
      )
        return K(e, i2, n, r2);
    }
    return e;
  }
  return e;
}
function qe(e, t) {
  const n = [],
    r2 = K(e, t, ``, n);
  if (r2 === W)
    throw Error(
      `Internal error: the stripper found the whole value unrecognisable, which the schemas are not supposed to allow — schema/stripper mismatch.`,
    );
  return { value: r2, stripped: n };
}
var Je = new Set(Object.values(EventType));
function Ye(e) {
  return Je.has(e.type);
}
var Xe = new Map(
  EventSchema.options.map((e) => {
    const t = e.shape;
    return [String(Ge(t.type)), e];
  }),
);
var Ze = () => typeof process < `u` && process.env !== void 0 && !!process.env.SUPPRESS_TRANSFORMATION_WARNINGS;
function Qe(e) {
  Ze() || console.warn(`[ag-ui][enforce] ${e}`);
}
var q = (e) => (t) => {
  const n = N(e);
  return t.pipe(
    mergeMap((e2) => {
      if (!Ye(e2))
        return (
          Qe(
            `Dropping unrecognised event '${String(e2.type)}': no middleware translated it and the protocol does not describe it.`,
          ),
          n?.event(`ENFORCE`, `Unrecognised event dropped:`, e2, { type: e2.type }),
          EMPTY
        );
      const t2 = Xe.get(e2.type);
      if (t2 === void 0) throw Error(`No validator for recognised event type '${String(e2.type)}'`);
      const { value: r2, stripped: i } = qe(e2, t2);
      for (const t3 of i)
        Qe(
          `Removed unrecognised material at '${t3}' on ${String(e2.type)}. Nothing handled it; see the repo-root DEPRECATIONS.md if it is a retired shape.`,
        );
      return of(t2.parse(r2));
    }),
  );
};
function $e(e) {
  const { value: t, stripped: n } = qe(omitOptionalNulls(e, `RunAgentInput`), RunAgentInputSchema);
  for (const e2 of n) Qe(`Removed unrecognised material at '${e2}' from the outgoing input.`);
  return RunAgentInputSchema.parse(t);
}
var J = class {
  runNext(e, t) {
    return t.run(e).pipe(U(false));
  }
  runNextWithState(e, t) {
    let n = k(e.messages || []),
      r2 = k(e.state === void 0 ? {} : e.state),
      i = new ReplaySubject();
    return (
      Se(e, i, t, []).subscribe({
        next: (e2) => {
          e2.messages !== void 0 && (n = e2.messages), e2.state !== void 0 && (r2 = e2.state);
        },
        error: () => {},
      }),
      this.runNext(e, t).pipe(
        concatMap(
          async (e2) => (
            i.next(e2), await new Promise((e3) => setTimeout(e3, 0)), { event: e2, messages: k(n), state: k(r2) }
          ),
        ),
      )
    );
  }
};
var et = class extends J {
  constructor(e) {
    super(), (this.fn = e);
  }
  run(e, t) {
    return this.fn(e, t);
  }
};
function tt(e) {
  return e.startsWith(`image/`)
    ? `image`
    : e.startsWith(`audio/`)
      ? `audio`
      : e.startsWith(`video/`)
        ? `video`
        : `document`;
}
function nt(e) {
  return (
    typeof e == `object` &&
    !!e &&
    `type` in e &&
    e.type === `binary` &&
    `mimeType` in e &&
    typeof e.mimeType == `string`
  );
}
function rt(e) {
  const t = tt(e.mimeType);
  return e.data
    ? {
        type: t,
        source: { type: `data`, value: e.data, mimeType: e.mimeType },
        ...(e.filename ? { metadata: { filename: e.filename } } : {}),
      }
    : e.url
      ? {
          type: t,
          source: { type: `url`, value: e.url, mimeType: e.mimeType },
          ...(e.filename ? { metadata: { filename: e.filename } } : {}),
        }
      : ((typeof process > `u` || process.env === void 0 || !process.env.SUPPRESS_TRANSFORMATION_WARNINGS) &&
          console.warn(
            `[ag-ui][compat] A binary content part carries only an id ('${e.id ?? ``}') and cannot be converted to a modern media part; a 1.0 peer will not accept it. Provide data or a url. See the repo-root DEPRECATIONS.md.`,
          ),
        e);
}
function it(e, t, n) {
  if (typeof e != `object` || !e || !(`type` in e) || e.type !== t.type || !(`source` in e)) return false;
  const r2 = e.source;
  return typeof r2 != `object` ||
    !r2 ||
    !(`type` in r2) ||
    r2.type !== t.source.type ||
    !(`value` in r2) ||
    r2.value !== t.source.value ||
    !(`mimeType` in r2) ||
    r2.mimeType !== t.source.mimeType
    ? false
    : !n ||
        (`metadata` in e &&
          typeof e.metadata == `object` &&
          e.metadata !== null &&
          `filename` in e.metadata &&
          e.metadata.filename === n);
}
function at(e) {
  const t = e.content;
  if (!Array.isArray(t)) return e;
  const n = t.flatMap((e2) => {
    if (nt(e2)) {
      const n2 = rt(e2);
      return n2.type !== `binary` && t.some((t2) => it(t2, n2, e2.filename)) ? [] : [n2];
    }
    return [e2];
  });
  return { ...e, content: n };
}
var ot = `THINKING_START`;
var st = `THINKING_END`;
var ct = `THINKING_TEXT_MESSAGE_START`;
var lt = `THINKING_TEXT_MESSAGE_CONTENT`;
var ut = `THINKING_TEXT_MESSAGE_END`;
function dt(e, t) {
  (typeof process < `u` && process.env !== void 0 && process.env.SUPPRESS_TRANSFORMATION_WARNINGS) ||
    console.warn(
      `[ag-ui][compat] Converting deprecated ${e} to ${t}. The old shape leaves the protocol after its shim window — see the repo-root DEPRECATIONS.md. Set SUPPRESS_TRANSFORMATION_WARNINGS=true to silence.`,
    );
}
function ft(e) {
  return typeof e == `object` && !!e && !Array.isArray(e);
}
function Y(e, t, n) {
  if (!ft(e) || e[t] !== null) return e;
  dt(`${n}.${t}: null`, `an absent field`);
  const { [t]: r2, ...i } = e;
  return i;
}
function X(e, t, n) {
  if (!ft(e) || !Array.isArray(e[t])) return e;
  const r2 = e[t],
    i = r2.map(n);
  return i.some((e2, t2) => e2 !== r2[t2]) ? { ...e, [t]: i } : e;
}
function pt(e) {
  return X(e, `content`, (e2) => {
    if (!ft(e2)) return e2;
    switch (e2.type) {
      case `image`:
      case `audio`:
      case `video`:
      case `document`:
        return Y(e2, `metadata`, `${e2.type} input content`);
      default:
        return e2;
    }
  });
}
function mt(e) {
  let t = Y(e, `forwardedProps`, `RunAgentInput`);
  return (
    (t = X(t, `tools`, (e2) => Y(e2, `parameters`, `Tool`))),
    (t = X(t, `resume`, (e2) => Y(e2, `payload`, `ResumeEntry`))),
    X(t, `messages`, pt)
  );
}
var Z = class extends J {
  constructor(...e) {
    super(...e), (this.currentReasoningId = null), (this.currentMessageId = null);
  }
  warn(e, t) {
    dt(e, t);
  }
  mintedContinuationId(e, t) {
    if (t !== null) return t;
    const n = A();
    return (
      this.warnAside(
        `Minting a messageId ('${n}') for ${e}: no THINKING opener preceded it, so there was no id to continue. The id is this client's invention, not the producer's, and verification will reject the translated event for naming something nothing opened.`,
      ),
      n
    );
  }
  warnAside(e) {
    (typeof process < `u` && process.env !== void 0 && process.env.SUPPRESS_TRANSFORMATION_WARNINGS) ||
      console.warn(`[ag-ui][compat] ${e} Set SUPPRESS_TRANSFORMATION_WARNINGS=true to silence.`);
  }
  run(e, t) {
    return (
      (this.currentReasoningId = null),
      (this.currentMessageId = null),
      (e.messages = e.messages.map(at)),
      t.run(e).pipe(map((e2) => this.transformEvent(e2)))
    );
  }
  transformEvent(e) {
    if (e.rawEvent === null) {
      this.warn(`${e.type}.rawEvent: null`, `an absent field`);
      const { rawEvent: t, ...n } = e;
      e = n;
    }
    if ((e.type === EventType.RUN_FINISHED || e.type === EventType.SUBAGENT_FINISHED) && e.result === null) {
      this.warn(`${e.type}.result: null`, `an absent field`);
      const { result: t, ...n } = e;
      e = n;
    }
    switch (e.type) {
      case ot: {
        this.currentReasoningId = A();
        const { title: t, ...n } = e;
        return (
          this.warn(ot, EventType.REASONING_START),
          t !== void 0 &&
            this.warnAside(
              `Dropping ${ot}.title ${JSON.stringify(t)}: ${EventType.REASONING_START} has no title field, so the span's label cannot be carried and nothing downstream can recover it.`,
            ),
          { ...n, type: EventType.REASONING_START, messageId: this.currentReasoningId }
        );
      }
      case ct:
        return (
          (this.currentMessageId = A()),
          this.warn(ct, EventType.REASONING_MESSAGE_START),
          { ...e, type: EventType.REASONING_MESSAGE_START, messageId: this.currentMessageId, role: `reasoning` }
        );
      case lt: {
        const { delta: t, ...n } = e;
        return (
          this.warn(lt, EventType.REASONING_MESSAGE_CONTENT),
          {
            ...n,
            type: EventType.REASONING_MESSAGE_CONTENT,
            messageId: this.mintedContinuationId(lt, this.currentMessageId),
            delta: t,
          }
        );
      }
      case ut: {
        const t = this.mintedContinuationId(ut, this.currentMessageId);
        return (
          (this.currentMessageId = null),
          this.warn(ut, EventType.REASONING_MESSAGE_END),
          { ...e, type: EventType.REASONING_MESSAGE_END, messageId: t }
        );
      }
      case st: {
        const t = this.mintedContinuationId(st, this.currentReasoningId);
        return (
          (this.currentReasoningId = null),
          this.warn(st, EventType.REASONING_END),
          { ...e, type: EventType.REASONING_END, messageId: t }
        );
      }
      case EventType.TOOL_CALL_START:
      case EventType.TOOL_CALL_CHUNK: {
        const t = e;
        if (t.parentMessageId === null) {
          this.warn(`${e.type}.parentMessageId: null`, `an absent field`);
          const { parentMessageId: n, ...r2 } = t;
          return r2;
        }
        return e;
      }
      case EventType.RUN_FINISHED: {
        const t = e;
        if (t.outcome === null) {
          this.warn(`RUN_FINISHED.outcome: null`, `an absent field`);
          const { outcome: e2, ...n } = t;
          return n;
        }
        return e;
      }
      case EventType.MESSAGES_SNAPSHOT: {
        const t = e;
        return Array.isArray(t.messages)
          ? { ...t, messages: t.messages.map((e2) => this.upgradeInboundMessage(e2)) }
          : e;
      }
      case EventType.RUN_STARTED: {
        const t = mt(e.input),
          n = t === e.input ? e : { ...e, input: t },
          r2 = n;
        return !r2.input || !Array.isArray(r2.input.messages)
          ? n
          : { ...r2, input: { ...r2.input, messages: r2.input.messages.map((e2) => this.upgradeInboundMessage(e2)) } };
      }
      default:
        return e;
    }
  }
  upgradeInboundMessage(e) {
    e = pt(e);
    const t = e.content;
    return !Array.isArray(t) || !t.some((e2) => typeof e2 == `object` && !!e2 && e2.type === `binary`)
      ? e
      : (this.warn(`binary input content`, `the modern media content parts`), at(e));
  }
};
var ht = () => (e) =>
  defer(() => {
    const t = new Z();
    return e.pipe(map((e2) => t.transformEvent(e2)));
  });
function _t(e, t = /* @__PURE__ */ new Date()) {
  return e.expiresAt === void 0 ? false : new Date(e.expiresAt) <= t;
}
function bt() {
  return typeof process < `u` && process.env !== void 0 && !!process.env.SUPPRESS_TRANSFORMATION_WARNINGS;
}
function xt(e) {
  bt() ||
    console.warn(
      `[ag-ui][compat] Flattening message content for a <=0.0.39 peer DROPS non-text parts (${e.join(`, `)}). The peer cannot receive them; upgrade it to keep media content. See the repo-root DEPRECATIONS.md.`,
    );
}
function St(e) {
  bt() ||
    console.warn(
      `[ag-ui][compat] Not flattening message content for a <=0.0.39 peer: ${e} content part(s) claim type "text" but carry a malformed 'text' value. That is a defect in the message, not media the peer cannot represent, and a downgrade must not repair it — the content is passed on unchanged so the outgoing enforcement boundary reports it. See the repo-root DEPRECATIONS.md.`,
    );
}
function Ct(e) {
  const t = e.content;
  if (Array.isArray(t)) {
    const n = (e2) => typeof e2 == `object` && !!e2 && `type` in e2 && e2.type === `text`,
      r2 = (e2) => n(e2) && typeof e2.text == `string`,
      i = t.filter((e2) => n(e2) && !r2(e2));
    if (i.length > 0) return (St(i.length), e);
    const a = t
      .filter((e2) => !r2(e2))
      .map((e2) => (typeof e2 == `object` && e2 && `type` in e2 ? String(e2.type) : typeof e2));
    a.length > 0 && xt(a);
    const o = t
      .filter(r2)
      .map((e2) => e2.text)
      .join(``);
    return { ...e, content: o };
  }
  return typeof t == `string` ? e : t === void 0 ? { ...e, content: `` } : e;
}
var wt = class extends J {
  run(e, t) {
    const { parentRunId: n, ...r2 } = e,
      i = { ...r2, messages: r2.messages.map(Ct) };
    return this.runNext(i, t);
  }
};
var Tt = `THINKING_START`;
var Et = `THINKING_END`;
var Dt = `THINKING_TEXT_MESSAGE_START`;
var Ot = `THINKING_TEXT_MESSAGE_CONTENT`;
var kt = `THINKING_TEXT_MESSAGE_END`;
var At = class extends J {
  constructor(...e) {
    super(...e), (this.currentReasoningId = null), (this.currentMessageId = null);
  }
  warnAboutTransformation(e, t) {
    (typeof process < `u` && process.env !== void 0 && process.env.SUPPRESS_TRANSFORMATION_WARNINGS) ||
      console.warn(
        `AG-UI is converting ${e} to ${t}. To remove this warning, upgrade your AG-UI integration package (e.g. @ag-ui/langgraph). To surpress it, set SUPPRESS_TRANSFORMATION_WARNINGS=true in your .env file.`,
      );
  }
  run(e, t) {
    return (
      (this.currentReasoningId = null),
      (this.currentMessageId = null),
      this.runNext(e, t).pipe(map((e2) => this.transformEvent(e2)))
    );
  }
  transformEvent(e) {
    switch (e.type) {
      case Tt: {
        this.currentReasoningId = A();
        const { title: t, ...n } = e;
        return (
          this.warnAboutTransformation(Tt, EventType.REASONING_START),
          { ...n, type: EventType.REASONING_START, messageId: this.currentReasoningId }
        );
      }
      case Dt:
        return (
          (this.currentMessageId = A()),
          this.warnAboutTransformation(Dt, EventType.REASONING_MESSAGE_START),
          { ...e, type: EventType.REASONING_MESSAGE_START, messageId: this.currentMessageId, role: `reasoning` }
        );
      case Ot: {
        const { delta: t, ...n } = e;
        return (
          this.warnAboutTransformation(Ot, EventType.REASONING_MESSAGE_CONTENT),
          { ...n, type: EventType.REASONING_MESSAGE_CONTENT, messageId: this.currentMessageId ?? A(), delta: t }
        );
      }
      case kt: {
        const t = this.currentMessageId ?? A();
        return (
          this.warnAboutTransformation(kt, EventType.REASONING_MESSAGE_END),
          { ...e, type: EventType.REASONING_MESSAGE_END, messageId: t }
        );
      }
      case Et: {
        const t = this.currentReasoningId ?? A();
        return (
          this.warnAboutTransformation(Et, EventType.REASONING_END),
          { ...e, type: EventType.REASONING_END, messageId: t }
        );
      }
      default:
        return e;
    }
  }
};
var jt = `SUBAGENT_STARTED`;
var Mt = `SUBAGENT_FINISHED`;
var Nt = `SUBAGENT_ERROR`;
function Q(e) {
  if (e && typeof e == `object` && `subagentRunId` in e) {
    const { subagentRunId: t, ...n } = e;
    return n;
  }
  return e;
}
function Pt(e) {
  return e.map((e2) => Q(e2));
}
var Ft = class extends J {
  warnDroppedLifecycleEvent(e) {
    (typeof process < `u` && process.env !== void 0 && process.env.SUPPRESS_TRANSFORMATION_WARNINGS) ||
      console.warn(
        `AG-UI is dropping ${e} because the target agent predates subagent support. To remove this warning, upgrade your AG-UI integration package. To suppress it, set SUPPRESS_TRANSFORMATION_WARNINGS=true in your .env file.`,
      );
  }
  run(e, t) {
    const n = { ...e, messages: (e.messages ?? []).map((e2) => Q(e2)) };
    return this.runNext(n, t).pipe(
      tap((e2) => {
        const t2 = e2.type;
        (t2 === jt || t2 === Mt || t2 === Nt) && this.warnDroppedLifecycleEvent(t2);
      }),
      filter((e2) => {
        const t2 = e2.type;
        return t2 !== jt && t2 !== Mt && t2 !== Nt;
      }),
      map((e2) => {
        const t2 = Q(e2);
        if (t2.type === EventType.MESSAGES_SNAPSHOT) {
          const e3 = t2;
          if (Array.isArray(e3.messages)) return { ...e3, messages: Pt(e3.messages) };
        }
        if (t2.type === EventType.RUN_FINISHED) {
          const e3 = t2;
          if (e3.outcome && Array.isArray(e3.outcome.interrupts))
            return { ...e3, outcome: { ...e3.outcome, interrupts: e3.outcome.interrupts.map((e4) => Q(e4)) } };
        }
        if (t2.type === EventType.RUN_STARTED) {
          const e3 = t2;
          if (e3.input && Array.isArray(e3.input.messages))
            return { ...e3, input: { ...e3.input, messages: Pt(e3.input.messages) } };
        }
        return t2;
      }),
    );
  }
};
var $ = `1.0.0`;
var It = false;
var Lt = (e, t) => (/^\d+\.\d+$/.test(e) ? (compareVersions(e, t) > 0 ? `newer` : `not-newer`) : `uninterpretable`);
var Rt = (e) => {
  const t = e.protocolVersion;
  if (!(t === void 0 || t === PROTOCOL_VERSION))
    switch (Lt(t, PROTOCOL_VERSION)) {
      case `uninterpretable`:
        console.warn(`[ag-ui] The producer declared protocol version '${t}', which this client cannot interpret.`);
        return;
      case `newer`:
        console.warn(
          `[ag-ui] The producer speaks protocol ${t}; this client speaks ${PROTOCOL_VERSION}. Unrecognised material will be stripped with warnings.`,
        );
        return;
      case `not-newer`:
        return;
    }
};
var zt = class r {
  resolvePeerCeiling(e) {
    if (this.resolvingPeerCeiling) return $;
    let t = Object.getOwnPropertyDescriptor(this, `maxVersion`),
      n = Object.getOwnPropertyDescriptor(this, `maxProtocolVersion`),
      i = Object.getPrototypeOf(this);
    for (; i && i !== r.prototype; )
      (t ??= Object.getOwnPropertyDescriptor(i, `maxVersion`)),
        (n ??= Object.getOwnPropertyDescriptor(i, `maxProtocolVersion`)),
        (i = Object.getPrototypeOf(i));
    if (e === `maxVersion` && t) return $;
    const a = e === `maxProtocolVersion` ? t : n;
    if (!a) return $;
    this.resolvingPeerCeiling = true;
    try {
      return a.get ? a.get.call(this) : a.value;
    } finally {
      this.resolvingPeerCeiling = false;
    }
  }
  get maxProtocolVersion() {
    return this.resolvePeerCeiling(`maxProtocolVersion`);
  }
  get maxVersion() {
    return (
      !this.resolvingPeerCeiling &&
        !It &&
        ((It = true),
        console.warn(
          `[ag-ui] AbstractAgent.maxVersion is deprecated — use maxProtocolVersion. Same value; the new name says whose version it is and that it is a ceiling.`,
        )),
      this.resolvePeerCeiling(`maxVersion`)
    );
  }
  get debug() {
    return this._debug;
  }
  set debug(e) {
    (this._debug = M(e)), (this._debugLogger = F(this._debug));
  }
  get debugLogger() {
    return this._debugLogger;
  }
  set debugLogger(e) {
    typeof e == `boolean` ? (this._debugLogger = e ? F(M(true)) : void 0) : (this._debugLogger = e);
  }
  resolvedCeilingDuringConstruction() {
    const e = this.maxProtocolVersion;
    if (typeof e != `string` || !validate2(e))
      throw new AGUIError(
        `maxProtocolVersion resolved to ${JSON.stringify(e)} during construction, which is not a version this client can compare. A ceiling read from an instance field is not available yet — return a literal from the getter.`,
      );
    return e;
  }
  constructor({ agentId: t, description: n, threadId: r2, initialMessages: i, initialState: a, debug: o } = {}) {
    (this.subscribers = []),
      (this.isRunning = false),
      (this.pendingInterrupts = []),
      (this.middlewares = []),
      (this.resolvingPeerCeiling = false),
      (this.agentId = t),
      (this.description = n ?? ``),
      (this.threadId = r2 ?? v4_default()),
      (this.messages = k(i ?? [])),
      (this.state = k(a ?? {})),
      (this._debug = M(o)),
      (this._debugLogger = F(this._debug));
    const s = this.resolvedCeilingDuringConstruction();
    compareVersions(s, `0.0.39`) <= 0 && this.middlewares.unshift(new wt()),
      compareVersions(s, `0.0.45`) <= 0 && this.middlewares.unshift(new At()),
      compareVersions(s, `0.0.57`) <= 0 && this.middlewares.unshift(new Ft());
  }
  subscribe(e) {
    return (
      this.subscribers.push(e),
      {
        unsubscribe: () => {
          this.subscribers = this.subscribers.filter((t) => t !== e);
        },
      }
    );
  }
  use(...e) {
    const t = e.map((e2) => (typeof e2 == `function` ? new et(e2) : e2));
    return (this.middlewares.push(...t), this);
  }
  async runAgent(t, n) {
    try {
      (this.isRunning = true), (this.agentId = this.agentId ?? v4_default());
      const r2 = this.prepareRunAgentInput(t);
      this.debugLogger?.lifecycle(`LIFECYCLE`, `Run started:`, { agentId: this.agentId, threadId: this.threadId });
      let i,
        a = new Set(this.messages.map((e) => e.id)),
        o = [
          {
            onRunStartedEvent: ({ event: e }) => Rt(e),
            onRunFinishedEvent: (e) => {
              e.outcome === `success` && (i = e.result);
            },
          },
          ...this.subscribers,
          n ?? {},
        ];
      await this.onInitialize(r2, o), (this.activeRunDetach$ = new Subject());
      let s;
      (this.activeRunCompletionPromise = new Promise((e) => {
        s = e;
      })),
        await lastValueFrom(
          pipe(
            () =>
              [...this.middlewares, new Z()]
                .reduceRight(
                  (e, t2) => ({
                    run: (n2) => t2.run(n2, e),
                    get messages() {
                      return e.messages;
                    },
                    get state() {
                      return e.state;
                    },
                  }),
                  this,
                )
                .run(r2),
            q(this.debugLogger),
            U(this.debugLogger),
            L(this.debugLogger),
            (e) => e.pipe(takeUntil(this.activeRunDetach$)),
            (e) => this.apply(r2, e, o),
            (e) => this.processApplyEvents(r2, e, o),
            catchError(
              (e) => (
                this.debugLogger?.lifecycle(`LIFECYCLE`, `Run errored:`, {
                  agentId: this.agentId,
                  error: e instanceof Error ? e.message : String(e),
                }),
                (this.isRunning = false),
                this.onError(r2, e, o)
              ),
            ),
            finalize(() => {
              this.debugLogger?.lifecycle(`LIFECYCLE`, `Run finished:`, {
                agentId: this.agentId,
                threadId: this.threadId,
              }),
                (this.isRunning = false),
                this.onFinalize(r2, o),
                s?.(),
                (s = void 0),
                (this.activeRunCompletionPromise = void 0),
                (this.activeRunDetach$ = void 0);
            }),
          )(of(null)),
        );
      const c = k(this.messages).filter((e) => !a.has(e.id));
      return { result: i, newMessages: c };
    } finally {
      this.isRunning = false;
    }
  }
  connect(e) {
    throw new AGUIConnectNotImplementedError();
  }
  async connectAgent(n, r2) {
    try {
      (this.isRunning = true), (this.agentId = this.agentId ?? v4_default());
      let i = this.prepareRunAgentInput(n),
        a,
        o = new Set(this.messages.map((e) => e.id)),
        s = [
          {
            onRunStartedEvent: ({ event: e }) => Rt(e),
            onRunFinishedEvent: (e) => {
              e.outcome === `success` && (a = e.result);
            },
          },
          ...this.subscribers,
          r2 ?? {},
        ];
      await this.onInitialize(i, s), (this.activeRunDetach$ = new Subject());
      let c;
      (this.activeRunCompletionPromise = new Promise((e) => {
        c = e;
      })),
        await lastValueFrom(
          pipe(
            () => defer(() => this.connect(i)),
            (e) => q(this.debugLogger)(ht()(e)),
            U(this.debugLogger),
            L(this.debugLogger),
            (e) => e.pipe(takeUntil(this.activeRunDetach$)),
            (e) => this.apply(i, e, s),
            (e) => this.processApplyEvents(i, e, s),
            catchError(
              (e) => (
                (this.isRunning = false), e instanceof AGUIConnectNotImplementedError ? EMPTY : this.onError(i, e, s)
              ),
            ),
            finalize(() => {
              (this.isRunning = false),
                this.onFinalize(i, s),
                c?.(),
                (c = void 0),
                (this.activeRunCompletionPromise = void 0),
                (this.activeRunDetach$ = void 0);
            }),
          )(of(null)),
          { defaultValue: void 0 },
        );
      const l = k(this.messages).filter((e) => !o.has(e.id));
      return { result: a, newMessages: l };
    } finally {
      this.isRunning = false;
    }
  }
  abortRun() {}
  async detachActiveRun() {
    if (!this.activeRunDetach$) return;
    const e = this.activeRunCompletionPromise ?? Promise.resolve();
    this.activeRunDetach$.next(), this.activeRunDetach$?.complete(), await e;
  }
  apply(e, t, n) {
    return Se(e, t, this, n, this.debugLogger);
  }
  processApplyEvents(e, t, n) {
    return t.pipe(
      tap((t2) => {
        t2.messages &&
          ((this.messages = t2.messages),
          n.forEach((t3) => {
            t3.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this, input: e });
          })),
          t2.state !== void 0 &&
            ((this.state = t2.state),
            n.forEach((t3) => {
              t3.onStateChanged?.({ state: this.state, messages: this.messages, agent: this, input: e });
            }));
      }),
    );
  }
  prepareRunAgentInput(t) {
    const n = k(this.messages);
    for (const e of n) e.subagentRunId === null && delete e.subagentRunId;
    const r2 = n.filter((e) => e.role !== `activity`);
    return {
      threadId: this.threadId,
      runId: t?.runId || v4_default(),
      ...(compareVersions(this.maxProtocolVersion, $) >= 0 && { protocolVersion: PROTOCOL_VERSION }),
      tools: k(t?.tools ?? []),
      context: k(t?.context ?? []),
      forwardedProps: k(t?.forwardedProps ?? {}),
      state: k(this.state),
      messages: r2,
      ...(t?.resume === void 0 ? {} : { resume: k(t.resume) }),
    };
  }
  async onInitialize(e, t) {
    if (this.pendingInterrupts.length > 0) {
      const t2 = new Set((e.resume ?? []).map((e2) => e2.interruptId)),
        r3 = this.pendingInterrupts.map((e2) => e2.id).filter((e2) => !t2.has(e2));
      if (r3.length > 0)
        throw new AGUIError(`Thread has ${r3.length} pending interrupt(s) not addressed by resume: ${r3.join(`, `)}`);
      for (const t3 of this.pendingInterrupts)
        if (_t(t3) && (e.resume ?? []).find((e2) => e2.interruptId === t3.id)?.status !== `cancelled`)
          throw new AGUIError(
            `Interrupt ${t3.id} expired at ${t3.expiresAt} and can no longer be answered. Cancel it to continue the thread.`,
          );
    }
    const r2 = await j(t, this.messages, this.state, (t2, n, r3) =>
      t2.onRunInitialized?.({ messages: n, state: r3, agent: this, input: e }),
    );
    if (r2.messages !== void 0 || r2.state !== void 0) {
      if (r2.messages) {
        this.messages = r2.messages;
        for (const e2 of r2.messages) e2.subagentRunId === null && delete e2.subagentRunId;
        (e.messages = r2.messages.filter((e2) => e2.role !== `activity`)),
          t.forEach((t2) => {
            t2.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this, input: e });
          });
      }
      r2.state !== void 0 &&
        ((this.state = r2.state),
        (e.state = r2.state),
        t.forEach((t2) => {
          t2.onStateChanged?.({ state: this.state, messages: this.messages, agent: this, input: e });
        }));
    }
  }
  onError(e, t, n) {
    return from(
      j(n, this.messages, this.state, (n2, r2, i) =>
        n2.onRunFailed?.({ error: t, messages: r2, state: i, agent: this, input: e }),
      ),
    ).pipe(
      map((r2) => {
        const i = r2;
        if (
          ((i.messages !== void 0 || i.state !== void 0) &&
            (i.messages !== void 0 &&
              ((this.messages = i.messages),
              n.forEach((t2) => {
                t2.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this, input: e });
              })),
            i.state !== void 0 &&
              ((this.state = i.state),
              n.forEach((t2) => {
                t2.onStateChanged?.({ state: this.state, messages: this.messages, agent: this, input: e });
              }))),
          i.stopPropagation !== true)
        ) {
          const e2 = String(t);
          if (
            !(
              t.name === `AbortError` ||
              t.message === `Fetch is aborted` ||
              t.message === `signal is aborted without reason` ||
              t.message === `component unmounted` ||
              e2 === `component unmounted`
            )
          )
            throw (console.error(`Agent execution failed:`, t), t);
        }
        return {};
      }),
    );
  }
  async onFinalize(e, t) {
    const n = await j(t, this.messages, this.state, (t2, n2, r2) =>
      t2.onRunFinalized?.({ messages: n2, state: r2, agent: this, input: e }),
    );
    (n.messages !== void 0 || n.state !== void 0) &&
      (n.messages !== void 0 &&
        ((this.messages = n.messages),
        t.forEach((t2) => {
          t2.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this, input: e });
        })),
      n.state !== void 0 &&
        ((this.state = n.state),
        t.forEach((t2) => {
          t2.onStateChanged?.({ state: this.state, messages: this.messages, agent: this, input: e });
        })));
  }
  clone() {
    const e = Object.create(Object.getPrototypeOf(this));
    return (
      (e.agentId = this.agentId),
      (e.description = this.description),
      (e.threadId = this.threadId),
      (e.messages = k(this.messages)),
      (e.state = k(this.state)),
      (e._debug = this._debug),
      (e._debugLogger = this._debugLogger),
      (e.isRunning = this.isRunning),
      (e.subscribers = [...this.subscribers]),
      (e.middlewares = [...this.middlewares]),
      (e.pendingInterrupts = k(this.pendingInterrupts)),
      e
    );
  }
  addMessage(e) {
    this.messages.push(e),
      (async () => {
        for (const t of this.subscribers)
          await t.onNewMessage?.({ message: e, messages: this.messages, state: this.state, agent: this });
        if (e.role === `assistant` && e.toolCalls)
          for (const t of e.toolCalls)
            for (const e2 of this.subscribers)
              await e2.onNewToolCall?.({ toolCall: t, messages: this.messages, state: this.state, agent: this });
        for (const e2 of this.subscribers)
          await e2.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this });
      })();
  }
  addMessages(e) {
    this.messages.push(...e),
      (async () => {
        for (const t of e) {
          for (const e2 of this.subscribers)
            await e2.onNewMessage?.({ message: t, messages: this.messages, state: this.state, agent: this });
          if (t.role === `assistant` && t.toolCalls)
            for (const e2 of t.toolCalls)
              for (const t2 of this.subscribers)
                await t2.onNewToolCall?.({ toolCall: e2, messages: this.messages, state: this.state, agent: this });
        }
        for (const e2 of this.subscribers)
          await e2.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this });
      })();
  }
  setMessages(e) {
    (this.messages = k(e)),
      (async () => {
        for (const e2 of this.subscribers)
          await e2.onMessagesChanged?.({ messages: this.messages, state: this.state, agent: this });
      })();
  }
  setState(e) {
    (this.state = k(e)),
      (async () => {
        for (const e2 of this.subscribers)
          await e2.onStateChanged?.({ messages: this.messages, state: this.state, agent: this });
      })();
  }
  legacy_to_be_removed_runAgentBridged(t) {
    this.agentId = this.agentId ?? v4_default();
    const n = this.prepareRunAgentInput(t);
    return [...this.middlewares, new Z()]
      .reduceRight(
        (e, t2) => ({
          run: (n2) => t2.run(n2, e),
          get messages() {
            return e.messages;
          },
          get state() {
            return e.state;
          },
        }),
        this,
      )
      .run(n)
      .pipe(
        q(this.debugLogger),
        U(this.debugLogger),
        L(this.debugLogger),
        Me(this.threadId, n.runId, this.agentId),
        (e) => e.pipe(map((e2) => (this.debugLogger?.event(`LEGACY`, `Event:`, e2, { type: e2.type }), e2))),
      );
  }
};
function Bt(e) {
  if (!Array.isArray(e.messages)) return e;
  let t = false,
    n = e.messages.map((e2) => {
      if (e2.subagentRunId === null) {
        t = true;
        const n2 = { ...e2 };
        return (delete n2.subagentRunId, n2);
      }
      return e2;
    });
  return t ? { ...e, messages: n } : e;
}
var Vt = class extends zt {
  requestInit(e) {
    return {
      method: `POST`,
      headers: { ...this.headers, 'Content-Type': `application/json`, Accept: `text/event-stream` },
      body: JSON.stringify(Bt(e)),
      signal: this.abortController.signal,
    };
  }
  runAgent(e, t) {
    return ((this.abortController = e?.abortController ?? new AbortController()), super.runAgent(e, t));
  }
  abortRun() {
    this.abortController.abort(), super.abortRun();
  }
  constructor(e) {
    super(e),
      (this.abortController = new AbortController()),
      (this.url = e.url),
      (this.headers = k(e.headers ?? {})),
      (this.fetch = e.fetch ?? ((e2, t) => fetch(e2, t)));
  }
  run(e) {
    return ke(
      Ce(() => this.fetch(this.url, this.requestInit($e(e)))),
      this.debugLogger,
    );
  }
  clone() {
    const e = super.clone();
    (e.url = this.url), (e.headers = k(this.headers ?? {})), (e.fetch = this.fetch);
    const t = new AbortController(),
      n = this.abortController.signal;
    return (n.aborted && t.abort(n.reason), (e.abortController = t), e);
  }
};

// examples/deploy-wizard/web/dom.ts
function byIdIn(file2) {
  return (id) => {
    const element = document.getElementById(id);
    if (element === null) throw new Error(`#${id} is missing from ${file2}`);
    return element;
  };
}
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== void 0) node.textContent = props.text;
  node.append(...children);
  return node;
}
function renderEmpty() {
  return el('li', {
    className: 'empty',
    text: 'Say "deploy" to start the wizard: it asks for a service name and a number of replicas, then asks you to approve the deployment.',
  });
}
function approvalControls(key, onAnswer) {
  const reasonId = `reason-${key}`;
  const reason = el('input');
  reason.type = 'text';
  reason.id = reasonId;
  reason.placeholder = 'optional';
  const reasonLabel = el('label', { text: 'Reason for rejecting' });
  reasonLabel.htmlFor = reasonId;
  const approve = el('button', { className: 'approve', text: 'Approve' });
  approve.type = 'button';
  const reject = el('button', { className: 'reject', text: 'Reject' });
  reject.type = 'button';
  approve.addEventListener('click', () => onAnswer(true));
  reject.addEventListener('click', () => onAnswer(false, reason.value.trim()));
  reason.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onAnswer(false, reason.value.trim());
    }
  });
  return [
    el('div', { className: 'reason' }, reasonLabel, reason),
    el('div', { className: 'actions' }, approve, reject),
  ];
}
function paintPanel(panel2, mode2, status2, session) {
  panel2.modeLabel.textContent =
    mode2 === null
      ? '…'
      : mode2 === 'server'
        ? 'server (id in an HttpOnly cookie)'
        : `${mode2} (the page carries the session)`;
  panel2.statusBadge.textContent = status2;
  panel2.statusBadge.dataset.status = status2;
  panel2.stateView.textContent =
    typeof session === 'string'
      ? `(sealed: ${session.length} characters the page cannot read)`
      : JSON.stringify(session ?? {}, null, 2);
}
function markBusy(list2, sendButton2, busy) {
  sendButton2.disabled = busy;
  list2.setAttribute('aria-busy', String(busy));
  list2.querySelectorAll('.approval button').forEach((button) => {
    button.disabled = busy;
  });
}
function showNotice(notice2, text, kind = 'info') {
  notice2.textContent = text;
  notice2.dataset.kind = kind;
  notice2.hidden = false;
}
var messageOf = (error40) => (error40 instanceof Error ? error40.message : String(error40));
async function endServerSession(mode2) {
  if (mode2 === 'server') {
    const response = await fetch('/api/session', { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new Error(`HTTP ${response.status}`);
  }
}
async function checkMode(notice2, clientNotice) {
  let mode2;
  try {
    const response = await fetch('/health');
    const body = await response.json();
    mode2 = body.mode ?? 'client';
    if (!response.ok) {
      showNotice(notice2, `The server's session store is unavailable (${body.status ?? response.status}).`, 'error');
    } else if (mode2 !== 'server') {
      showNotice(notice2, clientNotice(mode2));
    }
  } catch {
    mode2 = 'client';
    showNotice(notice2, 'Could not reach the server (GET /health failed).', 'error');
  }
  document.body.dataset.mode = mode2;
  return mode2;
}

// examples/deploy-wizard/web/ag-ui-app.ts
var byId = byIdIn('ag-ui.html');
var list = byId('messages');
var form = byId('composer');
var input = byId('message');
var sendButton = byId('send');
var notice = byId('notice');
var runStatus = byId('chat-status');
var threadLabel = byId('thread-id');
var panel = {
  modeLabel: byId('session-mode'),
  statusBadge: byId('session-status'),
  stateView: byId('session-state'),
};
var mode = null;
var status = 'none';
var agent = newAgent();
var turns = 0;
function newAgent() {
  const fresh = new Vt({ url: '/api/ag-ui' });
  fresh.subscribe({
    // The panel follows the state events as they are applied.
    onStateChanged: ({ state }) => paintPanel(panel, mode, status, state),
  });
  return fresh;
}
function bubble(role, text) {
  list.querySelector('li.empty')?.remove();
  const body = el('div', { className: 'bubble', text });
  list.append(el('li', { className: `message ${role}` }, body));
  body.scrollIntoView({ block: 'end' });
  return body;
}
function setBusy(busy) {
  markBusy(list, sendButton, busy);
  runStatus.textContent = busy ? 'running' : 'ready';
  document.body.dataset.status = busy ? 'running' : 'ready';
}
async function run(resume) {
  setBusy(true);
  let reply;
  let interrupts = [];
  try {
    await agent.runAgent(resume ? { resume } : {}, {
      onTextMessageContentEvent: ({ event }) => {
        reply ??= bubble('assistant', '');
        reply.textContent += event.delta;
      },
      onRunFinishedEvent: ({ event }) => {
        agent.threadId = event.threadId;
        const baton = event.metadata?.baton;
        status = baton?.sessionStatus ?? (mode === 'server' ? status : 'client');
        if (event.outcome?.type === 'interrupt') interrupts = event.outcome.interrupts;
      },
      onRunErrorEvent: ({ event }) => {
        showNotice(notice, `${event.code ?? 'ERROR'}: ${event.message}`, 'error');
      },
    });
  } catch (error40) {
    showNotice(notice, messageOf(error40), 'error');
  } finally {
    threadLabel.textContent = mode === 'server' ? agent.threadId : 'kept by the page';
    paintPanel(panel, mode, status, agent.state);
    for (const interrupt of interrupts) approvalCard(interrupt);
    turns += 1;
    document.body.dataset.turns = String(turns);
    setBusy(false);
  }
}
function approvalCard(interrupt) {
  const meta = interrupt.metadata ?? {};
  const card = el('section', { className: 'approval' });
  card.setAttribute('aria-label', `Approval: ${meta.toolName ?? interrupt.id}`);
  const [reason, actions] = approvalControls(interrupt.id, (approved, why) => {
    for (const node of Array.from(card.querySelectorAll('button, input'))) node.remove();
    card.append(el('p', { className: 'decision', text: approved ? 'Approved' : 'Rejected' }));
    const entry = approved
      ? { interruptId: interrupt.id, status: 'resolved', payload: { approved: true } }
      : { interruptId: interrupt.id, status: 'cancelled', ...(why ? { payload: { reason: why } } : {}) };
    void run([entry]);
  });
  card.append(
    el('p', { text: interrupt.message ?? 'Approve this call?' }),
    el('code', { className: 'tool', text: `${meta.toolName ?? ''} ${JSON.stringify(meta.input ?? {})}` }),
    reason,
    actions,
  );
  list.append(el('li', { className: 'message assistant' }, card));
  card.scrollIntoView({ block: 'end' });
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || sendButton.disabled) return;
  input.value = '';
  bubble('user', text);
  agent.addMessage({ id: crypto.randomUUID(), role: 'user', content: text });
  void run();
});
byId('new-chat').addEventListener('click', async () => {
  await endServerSession(mode).catch((error40) => showNotice(notice, messageOf(error40), 'error'));
  agent = newAgent();
  status = 'none';
  list.replaceChildren(renderEmpty());
  threadLabel.textContent = 'new';
  paintPanel(panel, mode, status, {});
});
async function init() {
  list.replaceChildren(renderEmpty());
  mode = await checkMode(notice, (m) => `Session mode "${m}": the page carries the session in AG-UI's state.`);
  paintPanel(panel, mode, status, {});
  setBusy(false);
  document.body.dataset.ready = 'true';
}
void init();

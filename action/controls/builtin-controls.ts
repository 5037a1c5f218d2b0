/**
 * The built-in controls: one schema file per control in schemas/controls/, imported here so the
 * bundle carries them. Generated list; keep it in the order of the IDs.
 */
import MCP_NHI_001 from '../../schemas/controls/MCP-NHI-001.schema.json' with { type: 'json' };
import MCP_NHI_002 from '../../schemas/controls/MCP-NHI-002.schema.json' with { type: 'json' };
import MCP_NHI_003 from '../../schemas/controls/MCP-NHI-003.schema.json' with { type: 'json' };
import MCP_NHI_004 from '../../schemas/controls/MCP-NHI-004.schema.json' with { type: 'json' };
import MCP_NHI_005 from '../../schemas/controls/MCP-NHI-005.schema.json' with { type: 'json' };
import MCP_NHI_006 from '../../schemas/controls/MCP-NHI-006.schema.json' with { type: 'json' };
import MCP_NHI_007 from '../../schemas/controls/MCP-NHI-007.schema.json' with { type: 'json' };
import MCP_NHI_008 from '../../schemas/controls/MCP-NHI-008.schema.json' with { type: 'json' };
import MCP_NHI_009 from '../../schemas/controls/MCP-NHI-009.schema.json' with { type: 'json' };
import MCP_NHI_010 from '../../schemas/controls/MCP-NHI-010.schema.json' with { type: 'json' };
import MCP_NHI_011 from '../../schemas/controls/MCP-NHI-011.schema.json' with { type: 'json' };
import MCP_NHI_012 from '../../schemas/controls/MCP-NHI-012.schema.json' with { type: 'json' };
import MCP_NHI_013 from '../../schemas/controls/MCP-NHI-013.schema.json' with { type: 'json' };
import MCP_NHI_014 from '../../schemas/controls/MCP-NHI-014.schema.json' with { type: 'json' };
import MCP_NHI_015 from '../../schemas/controls/MCP-NHI-015.schema.json' with { type: 'json' };
import MCP_NHI_017 from '../../schemas/controls/MCP-NHI-017.schema.json' with { type: 'json' };
import MCP_NHI_018 from '../../schemas/controls/MCP-NHI-018.schema.json' with { type: 'json' };
import MCP_NHI_019 from '../../schemas/controls/MCP-NHI-019.schema.json' with { type: 'json' };
import MCP_NHI_020 from '../../schemas/controls/MCP-NHI-020.schema.json' with { type: 'json' };
import MCP_NHI_022 from '../../schemas/controls/MCP-NHI-022.schema.json' with { type: 'json' };
import MCP_NHI_023 from '../../schemas/controls/MCP-NHI-023.schema.json' with { type: 'json' };
import MCP_NHI_024 from '../../schemas/controls/MCP-NHI-024.schema.json' with { type: 'json' };

export const BUILTIN_CONTROL_SCHEMAS: readonly Record<string, unknown>[] = [
  MCP_NHI_001,
  MCP_NHI_002,
  MCP_NHI_003,
  MCP_NHI_004,
  MCP_NHI_005,
  MCP_NHI_006,
  MCP_NHI_007,
  MCP_NHI_008,
  MCP_NHI_009,
  MCP_NHI_010,
  MCP_NHI_011,
  MCP_NHI_012,
  MCP_NHI_013,
  MCP_NHI_014,
  MCP_NHI_015,
  MCP_NHI_017,
  MCP_NHI_018,
  MCP_NHI_019,
  MCP_NHI_020,
  MCP_NHI_022,
  MCP_NHI_023,
  MCP_NHI_024,
];

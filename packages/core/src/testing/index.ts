/**
 * `@baton/core/testing`: a plugin test kit that works with any test runner (it throws plain
 * Errors and imports none). `assertPlugin(plugin)` in a test; `checkPlugin` for the report.
 */
export {
  type AnyPlugin,
  assertPlugin,
  checkPlugin,
  type KitTurn,
  PLUGIN_SCENARIOS,
  type PluginCheckOptions,
  type PluginReport,
  type PluginScenario,
  type ScenarioExpectation,
  type ScenarioOutcome,
  type ScenarioReport,
} from './check-plugin.js';
export { KIT, type KitCounts } from './fixture.js';

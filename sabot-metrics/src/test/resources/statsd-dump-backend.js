/*
 * A StatsD backend for Sabot's tests: at each flush, appends one line per metric to the file named by the
 * config key "dumpFile", then a line "flush". Lines: "c <name> <count>", "g <name> <value>",
 * "ms <name> <count> <value>,<value>,...". Counters are the flush's totals (already scaled by sample rates).
 */
var fs = require('fs');

exports.init = function (startupTime, config, events) {
  events.on('flush', function (timestamp, metrics) {
    var lines = [];
    Object.keys(metrics.counters).forEach(function (name) {
      lines.push('c ' + name + ' ' + metrics.counters[name]);
    });
    Object.keys(metrics.gauges).forEach(function (name) {
      lines.push('g ' + name + ' ' + metrics.gauges[name]);
    });
    Object.keys(metrics.timers).forEach(function (name) {
      var data = metrics.timer_data[name] || {};
      lines.push('ms ' + name + ' ' + (data.count || 0) + ' ' + metrics.timers[name].join(','));
    });
    lines.push('flush');
    fs.appendFileSync(config.dumpFile, lines.join('\n') + '\n');
  });
  return true;
};

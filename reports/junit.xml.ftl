<#ftl output_format="XML">
<#-- JUnit XML for CI systems: one test suite per play, one test case per host per task
     (classname = play/task, name = host). Failed: <failure>, unreachable: <error>, skipped or an ignored
     failure: <skipped>. A console task's captured text is its case's <system-out>. Hosts that never got a
     task (a rollout stopped before their batch) are skipped cases of a last "not run" suite. The suites are counted in JunitModel. -->
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${name}" tests="${summary.task_results}" time="${(summary.duration_ms / 1000)?c}">
<#list suites as s>
  <testsuite name="${s.name}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${(s.time_ms / 1000)?c}"<#if started??> timestamp="${started?keep_before('.')?keep_before('Z')}"</#if>>
<#list s.cases as c>
    <testcase classname="${c.classname}" name="${c.name}" time="${(c.time_ms / 1000)?c}"><#if c.outcome??><${c.outcome}<#if c.outcome != "skipped"> type="${c.type}"</#if> message="${c.message}"><#if c.outcome != "skipped">${c.message}</#if></${c.outcome}></#if><#if c.system_out??><system-out>${c.system_out}</system-out></#if></testcase>
</#list>
  </testsuite>
</#list>
</testsuites>

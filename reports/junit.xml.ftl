<#ftl output_format="XML">
<#-- JUnit XML for CI systems: one test suite per play, one test case per host per task
     (classname = play/task, name = host). Failed: <failure>, unreachable: <error>, skipped or an ignored
     failure: <skipped>. Hosts that never got a task (a rollout stopped before their batch) are skipped
     cases of a "not run" suite. -->
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${run.playbook!'ipmi-runner'}" tests="${summary.task_results}" time="${(summary.duration_ms / 1000)?c}">
<#list run.plays as play>
<#assign tests = 0 failures = 0 errors = 0 skipped = 0 time = 0>
<#list hosts as name, h><#list h.tasks as t><#if t.play == play>
<#assign tests++ time = time + t.duration_ms>
<#if t.status == "failed" && !t.ignored><#assign failures++><#elseif t.status == "unreachable"><#assign errors++><#elseif t.status == "skipped" || t.ignored><#assign skipped++></#if>
</#if></#list></#list>
  <testsuite name="${play}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(time / 1000)?c}"<#if run.started??> timestamp="${run.started?keep_before('.')?keep_before('Z')}"</#if>>
<#list hosts as name, h><#list h.tasks as t><#if t.play == play>
    <testcase classname="${play}/${t.name}" name="${name}" time="${(t.duration_ms / 1000)?c}"><#if t.status == "failed" && !t.ignored>
      <failure type="${t.failure_class!'failed'}" message="${t.error!''}">${t.error!''}</failure>
    <#elseif t.status == "unreachable">
      <error type="${t.failure_class!'unreachable'}" message="${t.error!''}">${t.error!''}</error>
    <#elseif t.status == "failed">
      <skipped message="failed, ignored: ${t.error!''}"/>
    <#elseif t.status == "skipped">
      <skipped message="${(t.result.skip_reason)!'skipped'}"/>
    </#if></testcase>
</#if></#list></#list>
  </testsuite>
</#list>
<#assign notRun = []><#list hosts as name, h><#if h.status == "not_run"><#assign notRun += [name]></#if></#list>
<#if notRun?has_content>
  <testsuite name="not run" tests="${notRun?size}" failures="0" errors="0" skipped="${notRun?size}" time="0">
<#list notRun as name>
    <testcase classname="not run" name="${name}" time="0"><skipped message="no task ran on this host (the run stopped before its batch, or was interrupted)"/></testcase>
</#list>
  </testsuite>
</#if>
</testsuites>

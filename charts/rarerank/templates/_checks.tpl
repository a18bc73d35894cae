{{/*
Guard rails: fail at `helm install/upgrade/template` with a message naming the setting, rather
than install pods that can never become ready. Included from checks.yaml.
*/}}
{{- define "rarerank.checks" -}}
{{- range $server := list "redis" "mongodb" -}}
{{- $values := index $.Values $server -}}
{{- if and (not $values.url) (not $values.existingSecret) -}}
{{- fail (printf "%s: set %s.url or %s.existingSecret (RareRank needs an external %s; the chart bundles none)" $server $server $server (ternary "Redis" "MongoDB" (eq $server "redis"))) -}}
{{- end -}}
{{- if and $values.url $values.existingSecret -}}
{{- fail (printf "%s: set either %s.url or %s.existingSecret, not both" $server $server $server) -}}
{{- end -}}
{{- end -}}

{{- if .Values.kb.build.enabled -}}
{{- $mirror := .Values.kb.mirror -}}
{{- $sources := 0 -}}
{{- if $mirror.existingClaim }}{{ $sources = add1 $sources }}{{ end -}}
{{- if or $mirror.nfs.server $mirror.nfs.path }}{{ $sources = add1 $sources }}{{ end -}}
{{- if $mirror.hostPath.path }}{{ $sources = add1 $sources }}{{ end -}}
{{- if eq (int $sources) 0 -}}
{{- fail "kb.mirror: kb.build.enabled needs the data mirror: set kb.mirror.existingClaim, kb.mirror.nfs.server + kb.mirror.nfs.path, or kb.mirror.hostPath.path (or set kb.build.enabled=false when the KB volume already holds the KB)" -}}
{{- end -}}
{{- if gt (int $sources) 1 -}}
{{- fail "kb.mirror: set only one of kb.mirror.existingClaim, kb.mirror.nfs and kb.mirror.hostPath" -}}
{{- end -}}
{{- if and (or $mirror.nfs.server $mirror.nfs.path) (not (and $mirror.nfs.server $mirror.nfs.path)) -}}
{{- fail "kb.mirror.nfs: set both kb.mirror.nfs.server and kb.mirror.nfs.path" -}}
{{- end -}}
{{- end -}}

{{- if and (include "rarerank.kedaUsed" .) .Values.redis.url (not .Values.keda.redis.passwordSecret.name) (contains "%" (urlParse .Values.redis.url).userinfo) -}}
{{- fail "keda: redis.url has URL-escaped credentials, which the chart cannot hand to KEDA unescaped: put the plain password in a Secret and set keda.redis.passwordSecret" -}}
{{- end -}}
{{- $gw := .Values.config.gateway -}}
{{- if or (gt (int64 $gw.maxUploadBytes) (int64 $gw.maxRequestBytes)) (gt (int64 $gw.jsonBodyLimitBytes) (int64 $gw.maxRequestBytes)) -}}
{{- fail "config.gateway: maxUploadBytes and jsonBodyLimitBytes must not exceed maxRequestBytes (the gateway refuses to boot otherwise)" -}}
{{- end -}}
{{- if and .Values.ingress.enabled (not .Values.ingress.hosts) -}}
{{- fail "ingress: ingress.enabled needs at least one entry in ingress.hosts" -}}
{{- end -}}
{{- if and .Values.ingress.enabled (not .Values.services.gateway.enabled) -}}
{{- fail "ingress: ingress.enabled needs services.gateway.enabled" -}}
{{- end -}}

{{- range $name, $_ := .Values.services -}}
{{- $svc := include "rarerank.serviceValues" (dict "root" $ "name" $name) | fromYaml -}}
{{- if $svc.enabled -}}
{{- if and $svc.autoscaling.enabled $svc.keda $svc.keda.enabled -}}
{{- fail (printf "services.%s: enable either autoscaling (CPU) or keda (queue length), not both: KEDA creates its own HorizontalPodAutoscaler" $name) -}}
{{- end -}}
{{- if and $svc.autoscaling.enabled (not (and $svc.resources $svc.resources.requests $svc.resources.requests.cpu)) -}}
{{- fail (printf "services.%s: autoscaling on CPU needs resources.requests.cpu" $name) -}}
{{- end -}}
{{- if and $svc.autoscaling.enabled (gt (int $svc.autoscaling.minReplicas) (int $svc.autoscaling.maxReplicas)) -}}
{{- fail (printf "services.%s: autoscaling.minReplicas is above autoscaling.maxReplicas" $name) -}}
{{- end -}}
{{- if and $svc.keda $svc.keda.enabled $.Values.redis.existingSecret (not $.Values.keda.redis.address) -}}
{{- fail (printf "services.%s.keda: with redis.existingSecret, set keda.redis.address (host:port): KEDA cannot read the URL from the Secret" $name) -}}
{{- end -}}
{{- if and $svc.pdb.create $svc.pdb.minAvailable $svc.pdb.maxUnavailable -}}
{{- fail (printf "services.%s: set pdb.minAvailable or pdb.maxUnavailable, not both" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

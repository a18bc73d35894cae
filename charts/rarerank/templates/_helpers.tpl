{{/*
Chart name, cut to 63 characters (Kubernetes names and label values are DNS labels).
*/}}
{{- define "rarerank.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
`<release>-<chart>` (just the release name when it already contains the chart name), cut to 63.
*/}}
{{- define "rarerank.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
`<fullname>-<component>` within 63 characters. The prefix is cut, never the component, so two
components of a long release name cannot end up with the same name.
Call with (dict "root" $ "component" "gateway").
*/}}
{{- define "rarerank.componentName" -}}
{{- $prefix := include "rarerank.fullname" .root | trunc (int (sub 62 (len .component))) | trimSuffix "-" -}}
{{- printf "%s-%s" $prefix .component -}}
{{- end -}}

{{- define "rarerank.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Selector labels (immutable in a Deployment: never add release-varying values here).
Call with (dict "root" $ "component" "gateway"); component may be empty.
*/}}
{{- define "rarerank.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rarerank.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end -}}

{{/*
Standard app.kubernetes.io labels plus commonLabels. Call with (dict "root" $ "component" "gateway").
*/}}
{{- define "rarerank.labels" -}}
helm.sh/chart: {{ include "rarerank.chart" .root }}
{{ include "rarerank.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: rarerank
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
`  annotations:` of an object's metadata (commonAnnotations plus the given extra map), starting
with a newline; renders nothing when both are empty. Call with (dict "root" $ "extra" $map).
*/}}
{{- define "rarerank.annotations" -}}
{{- $all := merge (dict) (.extra | default dict) .root.Values.commonAnnotations -}}
{{- with $all }}
  annotations:
    {{- toYaml . | nindent 4 }}
{{- end }}
{{- end -}}

{{/* True (non-empty) when any enabled service scales with KEDA. */}}
{{- define "rarerank.kedaUsed" -}}
{{- range $name, $_ := .Values.services -}}
{{- $svc := include "rarerank.serviceValues" (dict "root" $ "name" $name) | fromYaml -}}
{{- if and $svc.enabled $svc.keda $svc.keda.enabled }}true{{ end -}}
{{- end -}}
{{- end -}}

{{- define "rarerank.image" -}}
{{- $image := .Values.image -}}
{{- $repository := $image.repository -}}
{{- if $image.registry }}{{ $repository = printf "%s/%s" $image.registry $image.repository }}{{ end -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "rarerank.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "rarerank.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
BullMQ queue of each worker; must equal STAGE_QUEUES in libs/nest-common/src/infra/queues.ts
(test/chart/chart-render.spec.ts compares them).
*/}}
{{- define "rarerank.queues" -}}
ingestion: rarerank-ingestion
annotation: rarerank-annotation
phenotype: rarerank-phenotype
ranking: rarerank-ranking
{{- end -}}

{{/*
The settings of one service: `defaults` overlaid with services.<name>. The probe, autoscaling and
pdb blocks merge key by key; every other key replaces the default whole. Written with hasKey
because sprig's merge and `default` treat false and 0 as unset, so a per-service
`autoscaling.enabled: false` would lose against a default of true.
Call with (dict "root" $ "name" "gateway"); returns YAML, read it back with fromYaml.
*/}}
{{- define "rarerank.serviceValues" -}}
{{- $own := index .root.Values.services .name | default dict -}}
{{- $keyed := list "autoscaling" "pdb" "startupProbe" "livenessProbe" "readinessProbe" -}}
{{- $out := dict -}}
{{- range $key, $default := .root.Values.defaults -}}
{{- if not (hasKey $own $key) -}}
{{- $_ := set $out $key $default -}}
{{- else if and (has $key $keyed) (kindIs "map" $default) -}}
{{- $ownBlock := index $own $key | default dict -}}
{{- $block := dict -}}
{{- range $k, $v := $default -}}
{{- $_ := set $block $k (ternary (index $ownBlock $k) $v (hasKey $ownBlock $k)) -}}
{{- end -}}
{{- $_ := set $out $key $block -}}
{{- else -}}
{{- $_ := set $out $key (index $own $key) -}}
{{- end -}}
{{- end -}}
{{- range $key, $value := $own -}}
{{- if not (hasKey $out $key) }}{{ $_ := set $out $key $value }}{{ end -}}
{{- end -}}
{{- $_ := set $out "name" .name -}}
{{- $_ := set $out "isGateway" (eq .name "gateway") -}}
{{- $_ := set $out "port" (ternary $own.port $own.healthPort (eq .name "gateway")) -}}
{{- $_ := set $out "portName" (ternary "http" "health" (eq .name "gateway")) -}}
{{- toYaml $out -}}
{{- end -}}

{{/* True (non-empty) when the service's replica count belongs to an HPA or KEDA. Pass the service values. */}}
{{- define "rarerank.autoscaled" -}}
{{- if or .autoscaling.enabled (and .keda .keda.enabled) }}true{{ end -}}
{{- end -}}

{{/* Name of the Secret with the chart-managed connection URLs (inline redis.url / mongodb.url). */}}
{{- define "rarerank.connectionsSecretName" -}}
{{- include "rarerank.componentName" (dict "root" . "component" "connections") -}}
{{- end -}}

{{/* Secret and key holding a server URL. Call with (dict "root" $ "server" "redis"). */}}
{{- define "rarerank.urlSecretRef" -}}
{{- $values := index .root.Values .server -}}
{{- if $values.existingSecret -}}
name: {{ $values.existingSecret }}
key: {{ $values.existingSecretKey }}
{{- else -}}
name: {{ include "rarerank.connectionsSecretName" .root }}
key: {{ printf "%s-url" .server }}
{{- end -}}
{{- end -}}

{{/* REDIS_URL and MONGO_URL from Secrets (never from the ConfigMap). */}}
{{- define "rarerank.connectionEnv" -}}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      {{- include "rarerank.urlSecretRef" (dict "root" . "server" "redis") | nindent 6 }}
- name: MONGO_URL
  valueFrom:
    secretKeyRef:
      {{- include "rarerank.urlSecretRef" (dict "root" . "server" "mongodb") | nindent 6 }}
{{- end -}}

{{- define "rarerank.kbClaimName" -}}
{{- default (include "rarerank.componentName" (dict "root" . "component" "kb")) .Values.kb.persistence.existingClaim -}}
{{- end -}}

{{/* The KB directory the services read and the Job writes: <kb.mountPath>/<kb.version>. */}}
{{- define "rarerank.kbDir" -}}
{{- printf "%s/%s" (trimSuffix "/" .Values.kb.mountPath) .Values.kb.version -}}
{{- end -}}

{{/* One HTTP probe on the service's health port. Call with (dict "probe" $settings "path" "/health" "port" "http"). */}}
{{- define "rarerank.probe" -}}
httpGet:
  path: {{ .path }}
  port: {{ .port }}
{{- omit .probe "enabled" | toYaml | nindent 0 }}
{{- end -}}

{{/*
A NetworkPolicy peer list (YAML) from cidrs and matchLabels selectors; empty when nothing is set
(the caller then leaves `to`/`from` out, which means any address). Call with the settings map.
*/}}
{{- define "rarerank.peers" -}}
{{- $peers := list -}}
{{- range .cidrs }}{{ $peers = append $peers (dict "ipBlock" (dict "cidr" .)) }}{{ end -}}
{{- if or .namespaceSelector .podSelector -}}
{{- $peer := dict -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" (dict "matchLabels" .) }}{{ end -}}
{{- with .podSelector }}{{ $_ := set $peer "podSelector" (dict "matchLabels" .) }}{{ end -}}
{{- $peers = append $peers $peer -}}
{{- end -}}
{{- with $peers }}{{ toYaml . }}{{ end -}}
{{- end -}}

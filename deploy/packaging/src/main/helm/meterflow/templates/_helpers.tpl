{{/* Names, labels and the pod template every Meterflow workload shares. */}}

{{- define "meterflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "meterflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of one component's objects: <fullname>-<component>, within 63 characters. */}}
{{- define "meterflow.componentName" -}}
{{- printf "%s-%s" (include "meterflow.fullname" .root | trunc 45 | trimSuffix "-") .component }}
{{- end }}

{{- define "meterflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "meterflow.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "meterflow.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "meterflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: meterflow
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "meterflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "meterflow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "meterflow.secretName" -}}
{{- default (printf "%s-credentials" (include "meterflow.fullname" . | trunc 50 | trimSuffix "-")) .Values.existingSecret }}
{{- end }}

{{- define "meterflow.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* A JDBC URL with the credentials of .Values.database, for one database name. */}}
{{- define "meterflow.jdbcUrl" -}}
{{- $db := .root.Values.database -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s?user=%s&password=%s" $db.host $db.port .name (urlquery $db.user) (urlquery $db.password) -}}
{{- if $db.parameters }}{{ printf "%s&%s" $url $db.parameters }}{{ else }}{{ $url }}{{ end -}}
{{- end }}

{{/* The environment every service gets: the shared settings and the JVM options. */}}
{{- define "meterflow.commonEnv" -}}
METERFLOW_DATA_DIR: /var/lib/meterflow
METERFLOW_LOG_LEVEL: INFO
{{- end }}

{{/*
A pod spec. Arguments (a dict): root, component, values (the component's values), args (the
bin/meterflow command), port, secretEnv (a list of {name, key, optional}), fieldEnv (a list of
{name, fieldPath}), extraVolumes/extraVolumeMounts (lists), podSecurityContext (optional override).
*/}}
{{- define "meterflow.podSpec" -}}
{{- $root := .root -}}
{{- $v := .values -}}
serviceAccountName: {{ include "meterflow.serviceAccountName" $root }}
automountServiceAccountToken: false
{{- with $root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml (default $root.Values.podSecurityContext .podSecurityContext) | nindent 2 }}
# Dropwizard stops its Managed objects in reverse order on SIGTERM: the stream jobs commit, the
# consumers acknowledge what they published. 60 s covers a commit behind a backlog.
terminationGracePeriodSeconds: 60
containers:
  - name: {{ .component }}
    image: {{ include "meterflow.image" $root | quote }}
    imagePullPolicy: {{ $root.Values.image.pullPolicy }}
    args:
      {{- toYaml .args | nindent 6 }}
    ports:
      - name: http
        containerPort: {{ .port }}
        protocol: TCP
    envFrom:
      - configMapRef:
          name: {{ include "meterflow.componentName" (dict "root" $root "component" .component) }}
    {{- if or .secretEnv .fieldEnv }}
    env:
      {{- range .secretEnv }}
      - name: {{ .name }}
        valueFrom:
          secretKeyRef:
            name: {{ include "meterflow.secretName" $root }}
            key: {{ .key }}
            {{- if .optional }}
            optional: true
            {{- end }}
      {{- end }}
      {{- range .fieldEnv }}
      - name: {{ .name }}
        valueFrom:
          fieldRef:
            fieldPath: {{ .fieldPath }}
      {{- end }}
    {{- end }}
    startupProbe:
      httpGet:
        path: /admin/ping
        port: http
      periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
      failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
    readinessProbe:
      httpGet:
        path: /admin/healthcheck
        port: http
      periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
      timeoutSeconds: {{ $root.Values.probes.readiness.timeoutSeconds }}
      failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
    livenessProbe:
      httpGet:
        path: /admin/ping
        port: http
      periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
      timeoutSeconds: {{ $root.Values.probes.liveness.timeoutSeconds }}
      failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
    resources:
      {{- toYaml $v.resources | nindent 6 }}
    securityContext:
      {{- toYaml $root.Values.containerSecurityContext | nindent 6 }}
    volumeMounts:
      - name: tmp
        mountPath: /tmp
      - name: data
        mountPath: /var/lib/meterflow
      {{- if $root.Values.files }}
      - name: files
        mountPath: /etc/meterflow/files
        readOnly: true
      {{- end }}
      {{- with .extraVolumeMounts }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
volumes:
  # Kafka Streams' state directory and JasperReports' and the JVM's temporary files: the root
  # file system is read-only.
  - name: tmp
    emptyDir: {}
  - name: data
    emptyDir: {}
  {{- if $root.Values.files }}
  - name: files
    configMap:
      name: {{ include "meterflow.componentName" (dict "root" $root "component" "files") }}
  {{- end }}
  {{- with .extraVolumes }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- with $v.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Pod annotations: Prometheus scraping, and checksums that roll the pods when config changes. */}}
{{- define "meterflow.podAnnotations" -}}
checksum/config: {{ include (print .root.Template.BasePath "/configmap.yaml") .root | sha256sum }}
{{- if not .root.Values.existingSecret }}
checksum/secret: {{ include (print .root.Template.BasePath "/secret.yaml") .root | sha256sum }}
{{- end }}
{{- if .root.Values.metrics.annotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: {{ .metricsPath }}
{{- end }}
{{- end }}

/**
 * Builders for sample lines in the shape of the reference's verified lines (§13), for
 * messages the reference quotes without a whole line around them.
 */

/** An nginx error_log line carrying `message`, shaped like the lines of reference §13. */
export function nginxLine(message: string, upstream = 'http://127.0.0.1:19002/x'): string {
  return `2026/11/24 01:22:07 [error] 15577#15577: *5 ${message}, client: 127.0.0.1, server: example.test, request: "GET /x HTTP/1.1", upstream: "${upstream}", host: "example.test"`;
}

/** An Apache httpd 2.4 error_log line: `[time] [module:level] [pid …] rest`. */
export function apacheLine(module: string, rest: string): string {
  return `[Tue Nov 24 01:22:04.118342 2026] [${module}] [pid 2211:tid 140093781235264] ${rest}`;
}

/** An HAProxy HTTP log line with the given backend/server, status and termination state. */
export function haproxyLine(server: string, timers: string, status: string, state: string): string {
  return `haproxy[2411]: 198.51.100.7:52310 [24/Nov/2026:01:22:07.455] http-in ${server} ${timers} ${status} 209 - - ${state} 1/1/0/0/0 0/0 "GET / HTTP/1.1"`;
}

/** An Envoy default-format access-log line with the given status and response flags. */
export function envoyLine(status: string, flags: string, upstream = '10.244.0.17:8080'): string {
  return `[2022-04-24T12:23:37.047Z] "GET /api HTTP/1.1" ${status} ${flags} 0 91 1001 - "-" "curl/7.80.0" "6f1c4b8e-2a7d-4d5e-9f1a-3b2c1d0e9f8a" "app.example.com" "${upstream}"`;
}

/** An ALB access-log entry (fields up to `"request"`, then the usual tail). */
export function albLine(target: string, times: string, elbStatus: string, targetStatus: string): string {
  return `https 2026-11-24T01:22:07.455120Z app/my-loadbalancer/50dc6c495c0c9188 198.51.100.7:52310 ${target} ${times} ${elbStatus} ${targetStatus} 34 366 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.88.1" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "www.example.com" "-" 0 2026-11-24T01:22:07.400000Z "forward" "-" "-" "-" "-" "-"`;
}

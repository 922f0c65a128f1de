import { ApiServerAddress } from '../../src/ovn';

describe('ApiServerAddress', () => {
  test.each([
    ['https://172.18.0.2:6443', '172.18.0.2', 6443, true],
    ['https://[fd00:10::2]:6443', 'fd00:10::2', 6443, true],
    ['https://api.example.com:443', 'api.example.com', 443, false],
    ['https://kind-control-plane:6443', 'kind-control-plane', 6443, false],
    ['https://api.example.com', 'api.example.com', 443, false],
    ['https://10.0.0.1:1', '10.0.0.1', 1, true],
    ['https://10.0.0.1:65535', '10.0.0.1', 65535, true],
  ])('%s', (text, host, port, hostIsIp) => {
    const a = ApiServerAddress.parse(text);
    expect([a.host, a.port, a.hostIsIp, a.url, a.toString()]).toEqual([host, port, hostIsIp, text, text]);
  });

  test.each([
    ['', /expected a url such as "https:\/\/172\.18\.0\.2:6443"/],
    ['ftp://10.0.0.1:21', /scheme "ftp" is not supported/],
    ['https://:6443', /the host is missing/],
    ['https://10.0.0.1:', /port "" must be a whole number from 1 to 65535/],
    ['https://10.0.0.1:6443/', /remove the trailing "\/"/],
    ['https://10.0.0.1:6443?x=1', /no path, query or user/],
    ['https://user@10.0.0.1:6443', /neither an IP address nor a valid DNS name|no path, query or user/],
    ['https://10.0.0:6443', /"10\.0\.0" is not a valid IPv4 address/],
    ['https://[fd00::zz]:6443', /"fd00::zz" is not a valid IPv6 address/],
    ['https://[fe80::1%eth0]:6443', /is not a valid IPv6 address/],
    ['https://-bad-.example:6443', /neither an IP address nor a valid DNS name/],
    ['https://api_server:6443', /neither an IP address nor a valid DNS name/],
    ['https://10.0.0.1:6443x', /port "6443x"/],
  ])('rejects %s', (text, message) => {
    expect(() => ApiServerAddress.parse(text)).toThrow(message);
    expect(() => ApiServerAddress.parse(text)).toThrow(/^invalid api server address/);
  });
});
